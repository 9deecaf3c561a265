// Finds the `call_boto3(service_name=…, operation_name=…, Param=…)` calls in aws___run_script code
// and reads their literal arguments. Nothing else in the code is executed or evaluated.
import type { AwsCall } from './operations';

export type ScriptParse =
  { ok: true; calls: (AwsCall & { region?: string })[] } | { ok: false; message: string };

type Literal = string | number | boolean | null | Literal[] | { [key: string]: Literal };

/**
 * Parses every `call_boto3(...)` in `code`, in order. Arguments must be Python literals (str,
 * int, float, True/False/None, dict, list); `service_name` and `operation_name` may also be the
 * first two positional arguments, `params={...}` is merged, `region_name` is kept aside, and
 * snake_case operation names are accepted (`list_objects_v2` → `ListObjectsV2`).
 * @example parseScriptCalls("call_boto3(service_name='sts', operation_name='GetCallerIdentity')")
 * // { ok: true, calls: [{ service: 'sts', operation: 'GetCallerIdentity', params: {} }] }
 */
export function parseScriptCalls(code: string): ScriptParse {
  const calls: (AwsCall & { region?: string })[] = [];
  const scanner = new Scanner(code);
  while (!scanner.done()) {
    const start = scanner.findCall();
    if (start === undefined) break;
    const parsed = scanner.readArguments();
    if (!parsed.ok)
      return { ok: false, message: `call_boto3 at line ${lineOf(code, start)}: ${parsed.message}` };
    const call = toCall(parsed.positional, parsed.keywords);
    if (!call.ok)
      return { ok: false, message: `call_boto3 at line ${lineOf(code, start)}: ${call.message}` };
    calls.push(call.call);
  }
  if (calls.length === 0) {
    return {
      ok: false,
      message:
        "No call_boto3(...) call found. The emulated aws___run_script runs only call_boto3(service_name='…', operation_name='…', <Param>=<literal>, …) calls; other Python (variables, loops, print) is not executed.",
    };
  }
  return { ok: true, calls };
}

function toCall(
  positional: Literal[],
  keywords: Map<string, Literal>
): { ok: true; call: AwsCall & { region?: string } } | { ok: false; message: string } {
  const service = keywords.get('service_name') ?? positional[0];
  const operation = keywords.get('operation_name') ?? positional[1];
  if (positional.length > 2)
    return { ok: false, message: 'takes at most two positional arguments' };
  if (typeof service !== 'string' || service === '') {
    return { ok: false, message: 'service_name must be a string literal' };
  }
  if (typeof operation !== 'string' || operation === '') {
    return { ok: false, message: 'operation_name must be a string literal' };
  }
  const params: Record<string, unknown> = {};
  let region: string | undefined;
  for (const [key, value] of keywords) {
    if (key === 'service_name' || key === 'operation_name') continue;
    if (key === 'region_name') {
      if (typeof value !== 'string')
        return { ok: false, message: 'region_name must be a string literal' };
      region = value;
    } else if (key === 'params') {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        return { ok: false, message: 'params must be a dict literal' };
      }
      Object.assign(params, value);
    } else {
      params[key] = value;
    }
  }
  return {
    ok: true,
    call: {
      service: service.toLowerCase(),
      operation: pascalOperation(operation),
      params,
      ...(region ? { region } : {}),
    },
  };
}

/**
 * boto3's snake_case method names to API operation names.
 * @example pascalOperation('list_objects_v2') // 'ListObjectsV2'
 */
export function pascalOperation(name: string): string {
  if (!name.includes('_')) return name.charAt(0).toUpperCase() + name.slice(1);
  return name
    .split('_')
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

function lineOf(code: string, index: number): number {
  return code.slice(0, index).split('\n').length;
}

const CALL = 'call_boto3';
const IDENT = /[A-Za-z0-9_]/;

type ArgumentsParse =
  | { ok: true; positional: Literal[]; keywords: Map<string, Literal> }
  | { ok: false; message: string };

class Scanner {
  private i = 0;
  constructor(private readonly code: string) {}

  done(): boolean {
    return this.i >= this.code.length;
  }

  /** Advances past the next `call_boto3(` outside strings and comments; returns its start. */
  findCall(): number | undefined {
    const { code } = this;
    while (this.i < code.length) {
      const ch = code.charAt(this.i);
      if (ch === '#') {
        const end = code.indexOf('\n', this.i);
        this.i = end < 0 ? code.length : end;
      } else if (ch === '"' || ch === "'") {
        this.readString(false);
      } else if (code.startsWith(CALL, this.i) && !IDENT.test(code.charAt(this.i - 1))) {
        const start = this.i;
        this.i += CALL.length;
        this.skipSpace();
        if (code.charAt(this.i) === '(') {
          this.i++;
          return start;
        }
      } else {
        this.i++;
      }
    }
    return undefined;
  }

  /** Reads `arg, name=arg, …)` after the opening parenthesis. */
  readArguments(): ArgumentsParse {
    const positional: Literal[] = [];
    const keywords = new Map<string, Literal>();
    for (;;) {
      this.skipSpace();
      if (this.code.charAt(this.i) === ')') {
        this.i++;
        return { ok: true, positional, keywords };
      }
      const keyword = /^([A-Za-z_][A-Za-z0-9_]*)\s*=(?!=)/.exec(this.code.slice(this.i));
      let name: string | undefined;
      if (keyword?.[1] && !['True', 'False', 'None'].includes(keyword[1])) {
        name = keyword[1];
        this.i += keyword[0].length;
      } else if (keywords.size > 0) {
        return { ok: false, message: 'positional argument follows keyword argument' };
      }
      const value = this.readLiteral(name ?? `argument ${positional.length + 1}`);
      if (!value.ok) return value;
      if (name !== undefined) {
        if (keywords.has(name)) return { ok: false, message: `keyword argument repeated: ${name}` };
        keywords.set(name, value.value);
      } else {
        positional.push(value.value);
      }
      this.skipSpace();
      const next = this.code.charAt(this.i);
      if (next === ',') this.i++;
      else if (next !== ')')
        return { ok: false, message: `expected "," or ")" after ${name ?? 'an argument'}` };
    }
  }

  private readLiteral(what: string): { ok: true; value: Literal } | { ok: false; message: string } {
    this.skipSpace();
    const rest = this.code.slice(this.i);
    const prefix = /^([rRbBuU]{0,2})(["'])/.exec(rest);
    if (prefix) {
      this.i += prefix[1]?.length ?? 0;
      let text = this.readString(/r/i.test(prefix[1] ?? ''));
      if (text === undefined) return { ok: false, message: 'unterminated string' };
      // Adjacent literals concatenate: 'a' 'b' == 'ab'.
      for (;;) {
        this.skipSpace();
        const more = /^([rRbBuU]{0,2})(["'])/.exec(this.code.slice(this.i));
        if (!more) break;
        this.i += more[1]?.length ?? 0;
        const next = this.readString(/r/i.test(more[1] ?? ''));
        if (next === undefined) return { ok: false, message: 'unterminated string' };
        text += next;
      }
      return { ok: true, value: text };
    }
    const number = /^-?(\d+\.\d*|\.\d+|\d+)([eE][-+]?\d+)?(?![A-Za-z0-9_.])/.exec(rest);
    if (number) {
      this.i += number[0].length;
      return { ok: true, value: Number(number[0]) };
    }
    const constant = /^(True|False|None)(?![A-Za-z0-9_])/.exec(rest);
    if (constant) {
      this.i += constant[0].length;
      return { ok: true, value: constant[1] === 'None' ? null : constant[1] === 'True' };
    }
    if (rest.startsWith('{')) return this.readDict(what);
    if (rest.startsWith('[')) return this.readList(what);
    return {
      ok: false,
      message: `${what} must be a literal (string, number, True/False/None, dict or list); variables, f-strings and expressions are not evaluated`,
    };
  }

  private readDict(what: string): { ok: true; value: Literal } | { ok: false; message: string } {
    this.i++;
    const out: Record<string, Literal> = {};
    for (;;) {
      this.skipSpace();
      if (this.code.charAt(this.i) === '}') {
        this.i++;
        return { ok: true, value: out };
      }
      const key = this.readLiteral(`a key of ${what}`);
      if (!key.ok) return key;
      if (typeof key.value !== 'string')
        return { ok: false, message: `keys of ${what} must be strings` };
      this.skipSpace();
      if (this.code.charAt(this.i) !== ':')
        return { ok: false, message: `expected ":" in ${what}` };
      this.i++;
      const value = this.readLiteral(`${what}["${key.value}"]`);
      if (!value.ok) return value;
      out[key.value] = value.value;
      this.skipSpace();
      if (this.code.charAt(this.i) === ',') this.i++;
      else if (this.code.charAt(this.i) !== '}')
        return { ok: false, message: `expected "," or "}" in ${what}` };
    }
  }

  private readList(what: string): { ok: true; value: Literal } | { ok: false; message: string } {
    this.i++;
    const out: Literal[] = [];
    for (;;) {
      this.skipSpace();
      if (this.code.charAt(this.i) === ']') {
        this.i++;
        return { ok: true, value: out };
      }
      const value = this.readLiteral(`an item of ${what}`);
      if (!value.ok) return value;
      out.push(value.value);
      this.skipSpace();
      if (this.code.charAt(this.i) === ',') this.i++;
      else if (this.code.charAt(this.i) !== ']')
        return { ok: false, message: `expected "," or "]" in ${what}` };
    }
  }

  /** Reads a quoted (or triple-quoted) string at the cursor; undefined when unterminated. */
  private readString(raw: boolean): string | undefined {
    const { code } = this;
    const quote = code.charAt(this.i);
    const triple = code.startsWith(quote.repeat(3), this.i);
    const close = triple ? quote.repeat(3) : quote;
    this.i += close.length;
    let out = '';
    while (this.i < code.length) {
      if (code.startsWith(close, this.i)) {
        this.i += close.length;
        return out;
      }
      const ch = code.charAt(this.i);
      if (!triple && ch === '\n') return undefined;
      if (ch === '\\' && this.i + 1 < code.length) {
        const next = code.charAt(this.i + 1);
        this.i += 2;
        out += raw ? `\\${next}` : unescape(next);
        continue;
      }
      out += ch;
      this.i++;
    }
    return undefined;
  }

  private skipSpace(): void {
    for (;;) {
      const ch = this.code.charAt(this.i);
      if (ch === '#') {
        const end = this.code.indexOf('\n', this.i);
        this.i = end < 0 ? this.code.length : end;
      } else if (ch !== '' && /\s/.test(ch)) {
        this.i++;
      } else {
        return;
      }
    }
  }
}

function unescape(ch: string): string {
  switch (ch) {
    case 'n':
      return '\n';
    case 't':
      return '\t';
    case 'r':
      return '\r';
    case '0':
      return '\0';
    case '\n':
      return '';
    default:
      return ch;
  }
}
