// Reads the values file: JSON or YAML text to a plain value, with syntax errors and duplicate
// keys as issues that carry the line. It does not check the values (validateInput does).

import { parseDocument, type YAMLError } from 'yaml';
import { inputIssue } from './inputChecks';
import type { InputIssue } from '../types';

/** Outcome of `parseGeneratorValues`. */
export type ParsedValues = { ok: true; value: unknown } | { ok: false; issues: InputIssue[] };

const fail = (messages: string[]): ParsedValues => ({
  ok: false,
  issues: messages.map((message) => inputIssue('', message)),
});

/**
 * Parses the values: text starting with `{` strictly as JSON, anything else as YAML. Duplicate
 * keys are errors in both.
 * @example parseGeneratorValues('issuer: https://dev-123456.okta.com/oauth2/default').ok // true
 */
export function parseGeneratorValues(text: string): ParsedValues {
  if (text.trim() === '') return fail(['the values file is empty: write a JSON or YAML object']);
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (text.trimStart().startsWith('{')) {
    let value: unknown;
    try {
      value = JSON.parse(text) as unknown;
    } catch (error) {
      // YAML's errors carry a line; JSON.parse's message does not always.
      const located = doc.errors.filter((e) => e.linePos !== undefined);
      return fail(located.length > 0 ? located.map(yamlMessage) : [jsonError(text, error)]);
    }
    const duplicates = doc.errors.filter((error) => error.code === 'DUPLICATE_KEY');
    return duplicates.length > 0 ? fail(duplicates.map(yamlMessage)) : { ok: true, value };
  }
  if (doc.errors.length > 0) return fail(doc.errors.map(yamlMessage));
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: 100 }) as unknown };
  } catch (error) {
    return fail([
      `the values could not be read: ${error instanceof Error ? error.message : String(error)}`,
    ]);
  }
}

function yamlMessage(error: YAMLError): string {
  const where = error.linePos?.[0];
  const at = where ? ` at line ${where.line}, column ${where.col}` : '';
  const message = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? '';
  return `not valid JSON or YAML${at}: ${message}`;
}

/** JSON.parse's message, with the position turned into a line and column. */
function jsonError(text: string, error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  const message = raw.replace(/\s+/g, ' ').slice(0, 200);
  const position = /position (\d+)/.exec(message)?.[1];
  if (position === undefined) return `not valid JSON: ${message}`;
  const before = text.slice(0, Number(position));
  const line = before.split('\n').length;
  const column = Number(position) - before.lastIndexOf('\n');
  return `not valid JSON at line ${line}, column ${column}: ${message}`;
}
