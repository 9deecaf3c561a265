// Compares what a docs page shows as a command's output with what the command printed: an HTTP
// response (status line, the headers shown, body), JSON (by value), or text. `…` on the page
// stands for anything. It runs nothing.
import assert from 'node:assert/strict';

/** The page's ellipsis: stands for any text (newlines included) in shown outputs. */
export const ELLIPSIS = '…';

/**
 * Whether `actual` is `expected` with each `…` standing for any text.
 * @example matchesShown('key ID … not found', 'key ID k1 not found') // true
 */
export function matchesShown(expected: string, actual: string): boolean {
  const pattern = expected
    .split(ELLIPSIS)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[\\s\\S]*?');
  return new RegExp(`^${pattern}$`).test(actual);
}

/** Trailing spaces and the final newlines do not count. */
function tidy(text: string): string {
  return text
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trimEnd();
}

/**
 * Asserts that a shown plain-text output matches.
 * @example assertTextShown('Invalid session name', stdout, 'Try carol')
 */
export function assertTextShown(expected: string, actual: string, where: string): void {
  assert.ok(
    matchesShown(tidy(expected), tidy(actual)),
    `${where}: the output differs from the page\n--- page\n${tidy(expected)}\n--- actual\n${tidy(actual)}`
  );
}

/**
 * Asserts that shown JSON equals the actual JSON by value; a string with `…` matches any string
 * it describes.
 * @example assertJsonShown('{"Arn": "arn:…"}', '{"Arn":"arn:aws:…"}', 'get-role')
 */
export function assertJsonShown(expected: string, actual: string, where: string): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(actual);
  } catch {
    assert.fail(`${where}: the command did not print JSON:\n${actual}`);
  }
  const problem = jsonDifference(JSON.parse(expected), parsed, '$');
  assert.equal(problem, undefined, `${where}: ${problem}\n--- actual\n${actual}`);
}

function jsonDifference(expected: unknown, actual: unknown, path: string): string | undefined {
  if (typeof expected === 'string' && typeof actual === 'string') {
    return matchesShown(expected, actual)
      ? undefined
      : `${path}: ${JSON.stringify(actual)}, page ${JSON.stringify(expected)}`;
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length !== actual.length) {
      return `${path}: ${actual.length} items, page ${expected.length}`;
    }
    for (const [index, item] of expected.entries()) {
      const problem = jsonDifference(item, actual[index], `${path}[${index}]`);
      if (problem) return problem;
    }
    return undefined;
  }
  if (isObject(expected) && isObject(actual)) {
    const keys = Object.keys(expected);
    const extra = Object.keys(actual).filter((key) => !keys.includes(key));
    if (extra.length > 0 || keys.some((key) => !(key in actual))) {
      return `${path}: keys ${Object.keys(actual).join(', ')}, page ${keys.join(', ')}`;
    }
    for (const key of keys) {
      const problem = jsonDifference(expected[key], actual[key], `${path}.${key}`);
      if (problem) return problem;
    }
    return undefined;
  }
  return Object.is(expected, actual)
    ? undefined
    : `${path}: ${JSON.stringify(actual)}, page ${JSON.stringify(expected)}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Asserts that `curl -i` output matches a shown response: the same status line, every header the
 * page shows (by name, any case; the value may use `…`), and, when the page shows one after a
 * blank line, the body. Headers the page leaves out (dates, request ids) are not compared.
 * @example assertHttpShown('HTTP/1.1 401 Unauthorized\n\nInvalid session name', stdout, 'carol')
 */
export function assertHttpShown(expected: string, actual: string, where: string): void {
  const shown = splitResponse(tidy(expected));
  const got = splitResponse(actual.replace(/\r\n/g, '\n'));
  assert.equal(got.statusLine, shown.statusLine, `${where}: status line\n${actual}`);
  for (const line of shown.headers) {
    const colon = line.indexOf(':');
    assert.ok(colon > 0, `${where}: the page shows "${line}" where a header belongs`);
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    const sent = got.headers
      .filter((header) => header.toLowerCase().startsWith(`${name}:`))
      .map((header) => header.slice(name.length + 1).trim());
    assert.ok(sent.length > 0, `${where}: no ${name} header in\n${actual}`);
    assert.ok(
      sent.some((candidate) => matchesShown(value, candidate)),
      `${where}: ${name} is ${JSON.stringify(sent)}, the page shows ${JSON.stringify(value)}`
    );
  }
  if (shown.body !== undefined) assertTextShown(shown.body, got.body ?? '', `${where} (body)`);
}

function splitResponse(text: string): { statusLine: string; headers: string[]; body?: string } {
  const end = text.indexOf('\n\n');
  const head = end < 0 ? text : text.slice(0, end);
  const [statusLine = '', ...headers] = head.split('\n');
  return end < 0
    ? { statusLine: statusLine.trim(), headers }
    : { statusLine: statusLine.trim(), headers, body: text.slice(end + 2) };
}
