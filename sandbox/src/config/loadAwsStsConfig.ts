// Loads an awsSts configuration from text: an MCPExternalAuthConfig resource (possibly in a
// multi-document YAML file) or a bare awsSts object, as YAML or JSON. It does not read files.

import { LineCounter, parseAllDocuments, type Document } from 'yaml';
import { isObject, issue, unknownFieldIssues } from './issues';
import type { AwsStsConfig, ConfigIssue } from './types';
import { validateAwsSts } from './validateAwsSts';

/** API versions the CRD serves. */
export const SERVED_API_VERSIONS = [
  'toolhive.stacklok.dev/v1beta1',
  'toolhive.stacklok.dev/v1alpha1',
] as const;

const KIND = 'MCPExternalAuthConfig';
/** `spec` fields of the v1beta1 CRD; every one but `type` is a sub-config. */
const SPEC_FIELDS = [
  'type',
  'awsSts',
  'bearerToken',
  'embeddedAuthServer',
  'headerInjection',
  'obo',
  'tokenExchange',
  'upstreamInject',
  'xaa',
] as const;

/** Where the configuration came from. */
export type ConfigSource = 'MCPExternalAuthConfig' | 'awsSts';

/** Outcome of `loadAwsStsConfig`. Invalid input is a value, never an exception. */
export type LoadResult =
  | {
      ok: true;
      config: AwsStsConfig;
      source: ConfigSource;
      /** `metadata.name` of the resource. */
      name?: string;
      apiVersion?: string;
      /** Things that are valid but worth knowing (deprecated apiVersion, ignored fields). */
      warnings: string[];
    }
  | { ok: false; issues: ConfigIssue[] };

interface Selected {
  doc: Document;
  /** Where awsSts sits inside the document. */
  awsStsAt: (string | number)[];
  value: unknown;
  envelope: Record<string, unknown> | undefined;
}

/**
 * Parses and validates. Issue paths are relative to awsSts (`awsSts.region`), envelope
 * problems use the resource's own paths (`spec.type`); issues carry line and column.
 * @example loadAwsStsConfig('region: us-east-1\nfallbackRoleArn: arn:aws:iam::123456789012:role/R')
 */
export function loadAwsStsConfig(text: string): LoadResult {
  const lineCounter = new LineCounter();
  const docs = Array.from(parseAllDocuments(text, { lineCounter }));
  const syntax = docs
    .flatMap((doc) => doc.errors.slice(0, 1))
    .map((error) => {
      const [position] = error.linePos ?? [];
      const message = error.message.replace(/ at line \d+, column \d+:[\s\S]*$/, '');
      const where = position ? ` at line ${position.line}, column ${position.col}` : '';
      const found: ConfigIssue = issue(
        '',
        'INVALID_CONFIG',
        `YAML syntax error${where}: ${message}`,
        ['document']
      );
      return position ? { ...found, line: position.line, column: position.col } : found;
    });
  if (syntax.length > 0) return { ok: false, issues: syntax };

  let values: { doc: Document; value: unknown }[];
  try {
    values = docs.map((doc) => ({ doc, value: doc.toJS({ maxAliasCount: 100 }) as unknown }));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return fail([issue('', 'INVALID_CONFIG', `YAML could not be read: ${message}`, ['document'])]);
  }
  values = values.filter((entry) => entry.value !== null && entry.value !== undefined);
  const selected = select(values);
  if ('issues' in selected) return fail(selected.issues);

  const envelopeIssues = selected.envelope ? checkEnvelope(selected.envelope) : [];
  const missing = selected.value === undefined || selected.value === null;
  if (envelopeIssues.length > 0 && missing) {
    // The envelope already says why there is no awsSts; "awsSts is missing" would repeat it.
    return fail(envelopeIssues.map((found) => locate(found, selected, lineCounter)));
  }
  const result = validateAwsSts(selected.value);
  const issues = [...envelopeIssues, ...(result.ok ? [] : result.issues)];
  if (issues.length > 0 || !result.ok) {
    return fail(issues.map((found) => locate(found, selected, lineCounter)));
  }
  const envelope = selected.envelope;
  const name = isObject(envelope?.metadata) ? envelope.metadata.name : undefined;
  const apiVersion = typeof envelope?.apiVersion === 'string' ? envelope.apiVersion : undefined;
  return {
    ok: true,
    config: result.config,
    source: envelope ? 'MCPExternalAuthConfig' : 'awsSts',
    ...(typeof name === 'string' ? { name } : {}),
    ...(apiVersion !== undefined ? { apiVersion } : {}),
    warnings: warningsFor(apiVersion, result.config),
  };
}

function fail(issues: ConfigIssue[]): LoadResult {
  return { ok: false, issues };
}

function select(values: { doc: Document; value: unknown }[]): Selected | { issues: ConfigIssue[] } {
  const expected = `expected an ${KIND} resource or a bare awsSts object`;
  if (values.length === 0) {
    return {
      issues: [
        issue('', 'INVALID_CONFIG', `the configuration is empty: ${expected}`, ['document']),
      ],
    };
  }
  const resources = values.filter(({ value }) => isObject(value) && value.kind === KIND);
  if (resources.length === 0) {
    const [only] = values;
    if (values.length === 1 && only && isObject(only.value) && !('kind' in only.value)) {
      const wrapped = Object.keys(only.value).length === 1 && 'awsSts' in only.value;
      return wrapped
        ? { doc: only.doc, awsStsAt: ['awsSts'], value: only.value.awsSts, envelope: undefined }
        : { doc: only.doc, awsStsAt: [], value: only.value, envelope: undefined };
    }
    const kinds = values.map(({ value }) =>
      isObject(value) ? String(value.kind ?? 'no kind') : 'not an object'
    );
    return {
      issues: [
        issue(
          '',
          'INVALID_CONFIG',
          `no ${KIND} found (documents: ${kinds.join(', ')}): ${expected}`,
          ['document']
        ),
      ],
    };
  }
  const awsSts = resources.filter(
    ({ value }) => isObject(value) && isObject(value.spec) && value.spec.type === 'awsSts'
  );
  if (awsSts.length > 1) {
    const names = awsSts.map(({ value }) => resourceName(value)).join(', ');
    return {
      issues: [
        issue(
          '',
          'INVALID_CONFIG',
          `found ${awsSts.length} ${KIND} resources of type awsSts (${names}): keep one per file`,
          ['document']
        ),
      ],
    };
  }
  const chosen = awsSts[0] ?? resources[0];
  if (chosen === undefined || !isObject(chosen.value)) return { issues: [] };
  const spec = chosen.value.spec;
  return {
    doc: chosen.doc,
    awsStsAt: ['spec', 'awsSts'],
    value: isObject(spec) ? spec.awsSts : undefined,
    envelope: chosen.value,
  };
}

function resourceName(value: unknown): string {
  const metadata = isObject(value) ? value.metadata : undefined;
  return isObject(metadata) && typeof metadata.name === 'string' ? metadata.name : '(unnamed)';
}

function checkEnvelope(resource: Record<string, unknown>): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const apiVersion = resource.apiVersion;
  if (
    typeof apiVersion !== 'string' ||
    !(SERVED_API_VERSIONS as readonly string[]).includes(apiVersion)
  ) {
    issues.push(
      issue(
        'apiVersion',
        'INVALID_CONFIG',
        `apiVersion ${JSON.stringify(apiVersion ?? null)} is not served for ${KIND}: use ${SERVED_API_VERSIONS[0]} (${SERVED_API_VERSIONS[1]} is deprecated)`,
        ['schema']
      )
    );
  }
  const spec = resource.spec;
  if (!isObject(spec)) {
    return [
      ...issues,
      issue(
        'spec',
        'INVALID_CONFIG',
        'spec is required: add spec with type: awsSts and awsSts: {...}',
        ['schema']
      ),
    ];
  }
  if (spec.type !== 'awsSts') {
    const got = spec.type === undefined ? 'missing' : JSON.stringify(spec.type);
    issues.push(
      issue(
        'spec.type',
        'INVALID_CONFIG',
        `spec.type is ${got}: this configuration must have type: awsSts`,
        ['schema']
      )
    );
  }
  for (const field of SPEC_FIELDS) {
    if (field === 'type') continue;
    const wanted = spec.type === field;
    const present = spec[field] !== undefined && spec[field] !== null;
    if (wanted === present || (field !== 'awsSts' && !present)) continue;
    const what = `${field} configuration must be set if and only if type is '${field}'`;
    const fix =
      field !== 'awsSts'
        ? `remove spec.${field}`
        : present
          ? 'set spec.type to awsSts'
          : 'add spec.awsSts with region and fallbackRoleArn or roleMappings';
    issues.push(issue(`spec.${field}`, 'INVALID_CONFIG', `${what}: ${fix}`, ['schema']));
  }
  return [...issues, ...unknownFieldIssues(spec, 'spec', SPEC_FIELDS)];
}

function warningsFor(apiVersion: string | undefined, config: AwsStsConfig): string[] {
  const warnings: string[] = [];
  if (apiVersion === SERVED_API_VERSIONS[1]) {
    warnings.push('toolhive.stacklok.dev/v1alpha1 is deprecated; use v1beta1');
  }
  warnings.push(...subjectProviderWarnings(config.subjectProviderName));
  return warnings;
}

/** The embedded authorization server's rule for upstream provider names (its CRD's pattern). */
const UPSTREAM_PROVIDER_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

/**
 * What ToolHive does with `subjectProviderName`: a VirtualMCPServer sends that upstream
 * provider's access token to STS; an MCPRemoteProxy never reads it (with authServerRef, its
 * upstream swap already puts the provider's token in the request). ToolHive accepts any string,
 * but a name that breaks the provider name rule can never match, so every request would fail.
 */
function subjectProviderWarnings(name: string | undefined): string[] {
  if (name === undefined) return [];
  const warnings = [
    `subjectProviderName is read only by VirtualMCPServer backends, which send that upstream provider's access token to STS; an MCPRemoteProxy ignores it`,
  ];
  if (name.length > 63 || !UPSTREAM_PROVIDER_NAME.test(name)) {
    warnings.push(
      `subjectProviderName "${name}" can never name an upstream provider (names are lowercase letters, digits and -, at most 63), so a VirtualMCPServer would find no upstream token for it and fail every request to this backend`
    );
  }
  return warnings;
}

/** Adds the line and column of the issue's node, or of its nearest existing parent. */
function locate(found: ConfigIssue, selected: Selected, lineCounter: LineCounter): ConfigIssue {
  if (found.path === '') return found;
  const relative = toSegments(found.path);
  const segments =
    relative[0] === 'awsSts' ? [...selected.awsStsAt, ...relative.slice(1)] : relative;
  for (let length = segments.length; length >= 0; length--) {
    const node = selected.doc.getIn(segments.slice(0, length), true) as
      { range?: [number, number, number] } | undefined;
    const offset = node?.range?.[0];
    if (offset !== undefined) {
      const { line, col } = lineCounter.linePos(offset);
      return { ...found, line, column: col };
    }
  }
  return found;
}

/** `awsSts.roleMappings[1].roleArn` → `['awsSts', 'roleMappings', 1, 'roleArn']`. */
function toSegments(path: string): (string | number)[] {
  return path.split('.').flatMap((part) => {
    const [name = '', ...indexes] = part.split('[');
    return [name, ...indexes.map((index) => Number.parseInt(index, 10))].filter((s) => s !== '');
  });
}
