// YAML text for Kubernetes manifests that every reader parses back to the same values: the
// `yaml` 1.2 parser, and YAML 1.1 parsers such as kubectl's, which read `yes` or `1_000` as
// non-strings. It does not decide what goes into a manifest.

import { Document, isScalar, parse, visit } from 'yaml';

/** A trailing `# comment` on the scalar at `path` (e.g. `['spec', 'gatewayClassName']`). */
export interface YamlComment {
  path: (string | number)[];
  comment: string;
}

/**
 * Serialises one manifest: two-space indentation, list items indented under their key, no line
 * folding, single quotes when quoting is needed, and quotes on every string that a YAML 1.1 or
 * 1.2 reader would otherwise turn into something else. No final newline.
 * @example toYaml({ claim: 'yes' }) // "claim: 'yes'"
 */
export function toYaml(value: unknown, comments: readonly YamlComment[] = []): string {
  const doc = new Document(value);
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && !readsBackAsItself(node.value)) {
        node.type = 'QUOTE_SINGLE';
      }
    },
  });
  for (const { path, comment } of comments) {
    const node = doc.getIn(path, true);
    if (!isScalar(node)) throw new Error(`no scalar at ${path.join('.')} to comment on`);
    node.comment = ` ${comment}`;
  }
  return doc.toString({ lineWidth: 0, singleQuote: true }).replace(/\n$/, '');
}

/**
 * Joins manifests into one multi-document file.
 * @example joinYamlDocuments(['kind: Gateway', 'kind: HTTPRoute']) // 'kind: Gateway\n---\nkind: HTTPRoute'
 */
export function joinYamlDocuments(documents: readonly string[]): string {
  return documents.join('\n---\n');
}

/** Whether `text`, written plain, reads back as the same string under YAML 1.1 and 1.2. */
function readsBackAsItself(text: string): boolean {
  if (text === '' || text.includes('\n')) return false;
  // A probe, not a read of the user's file: its warnings (unknown tags or directives) mean "quote
  // it", so they are not printed as process warnings.
  const quiet = { logLevel: 'error' } as const;
  try {
    return (
      parse(text, { version: '1.2', ...quiet }) === text &&
      parse(text, { version: '1.1', ...quiet }) === text
    );
  } catch {
    return false; // not a plain scalar on its own; the library quotes such strings anyway
  }
}
