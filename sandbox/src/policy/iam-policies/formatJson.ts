// JSON text the way the tutorial (formatted by prettier) writes it: objects one key per line,
// lists of plain values on one line when they fit in 80 columns. It does not sort or change keys.

/** The line width prettier uses for the docs. */
export const JSON_WIDTH = 80;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Formats a JSON value with two-space indentation, keeping key order, without a final newline.
 * @example formatJson({ Action: ['s3:GetObject', 's3:ListBucket'] })
 * // '{\n  "Action": ["s3:GetObject", "s3:ListBucket"]\n}'
 */
export function formatJson(value: unknown, width: number = JSON_WIDTH): string {
  return render(toJson(value), '', 0, 0, width);
}

function toJson(value: unknown): Json {
  // A JSON round trip drops undefined members and rejects what JSON cannot hold.
  return JSON.parse(JSON.stringify(value)) as Json;
}

/** `column`: characters before the value on its line; `suffix`: characters after it (a comma). */
function render(
  value: Json,
  indent: string,
  column: number,
  suffix: number,
  width: number
): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const plain = value.every((item) => item === null || typeof item !== 'object');
    if (plain) {
      const inline = `[${value.map((item) => JSON.stringify(item)).join(', ')}]`;
      if (column + inline.length + suffix <= width) return inline;
    }
    const items = value.map(
      (item, i) =>
        `${inner}${render(item, inner, inner.length, i < value.length - 1 ? 1 : 0, width)}`
    );
    return `[\n${items.join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  const lines = entries.map(([key, item], i) => {
    const head = `${inner}${JSON.stringify(key)}: `;
    return head + render(item, inner, head.length, i < entries.length - 1 ? 1 : 0, width);
  });
  return `{\n${lines.join(',\n')}\n${indent}}`;
}
