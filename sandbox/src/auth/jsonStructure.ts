// Structural limits on a token's JSON (header and claims) that JSON.parse does not enforce:
// duplicate member names and nesting depth. It does not parse values or judge their meaning.

/**
 * Deepest nesting accepted in a token's header or claims (the top-level object counts as 1).
 * Real claim sets nest 3 or 4 levels (`resource_access.<client>.roles`); far deeper ones are an
 * attack on whatever walks them later (role matchers, loggers).
 */
export const MAX_TOKEN_JSON_DEPTH = 32;

/**
 * What is wrong with the structure of a JSON text that JSON.parse accepted, or undefined: a
 * member name repeated in one object (RFC 7519 §4 lets a parser reject it, and parsers that
 * disagree on which duplicate wins disagree on who the token is for), or nesting deeper than
 * `maxDepth`. Member names are compared after unescaping, so `"sub"` and `"\u0073ub"` collide.
 * @example jsonStructureProblem('{"sub":"a","sub":"b"}') // 'duplicate member "sub"'
 */
export function jsonStructureProblem(
  text: string,
  maxDepth: number = MAX_TOKEN_JSON_DEPTH
): string | undefined {
  // One entry per open container: the member names seen so far (object) or null (array).
  const open: (Set<string> | null)[] = [];
  let expectName = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      let end = i + 1;
      let escaped = false;
      for (; end < text.length; end++) {
        const d = text.charCodeAt(end);
        if (d === BACKSLASH) {
          escaped = true;
          end++; // the escaped character (or the u of \uXXXX) cannot end the string
        } else if (d === QUOTE) {
          break;
        }
      }
      const members = open[open.length - 1];
      if (expectName && members) {
        const name = escaped
          ? (JSON.parse(text.slice(i, end + 1)) as string)
          : text.slice(i + 1, end);
        if (members.has(name)) return `duplicate member ${JSON.stringify(name.slice(0, 64))}`;
        members.add(name);
        expectName = false;
      }
      i = end;
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      open.push(c === OPEN_OBJECT ? new Set() : null);
      if (open.length > maxDepth) return `nested deeper than ${maxDepth} levels`;
      expectName = c === OPEN_OBJECT;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      open.pop();
      expectName = false;
    } else if (c === COMMA) {
      expectName = open[open.length - 1] instanceof Set;
    } else if (c === COLON) {
      expectName = false;
    }
  }
  return undefined;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;
