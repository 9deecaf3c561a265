// Input validation the way AWS's Query services report it: every violated member constraint, as
// one `ValidationError` message ("2 validation errors detected: Value … at 'roleArn' …").
// It does not know any operation's members; callers pass the rules from the service model.

/** One member's constraints, from the service model (botocore / Smithy). */
export interface MemberRule {
  /** The wire name, e.g. `RoleSessionName`. */
  name: string;
  required?: boolean;
  minLength?: number;
  maxLength?: number;
  /** The model's pattern as AWS prints it, and an anchored JS equivalent. */
  pattern?: { source: string; regex: RegExp };
  /** For integer members. */
  min?: number;
  max?: number;
  integer?: boolean;
  /** Never echo the value (tokens): the message says `'***'`. */
  sensitive?: boolean;
}

/** Where member values come from: `URLSearchParams`, or `memberValues({...})` for typed input. */
export interface MemberValues {
  get(name: string): string | null;
}

/**
 * Typed input as member values (numbers as text, undefined as absent).
 * @example memberViolations(memberValues({ RoleName: name }), RULES)
 */
export function memberValues(record: Record<string, string | number | undefined>): MemberValues {
  return {
    get: (name) => {
      const value = record[name];
      return value === undefined ? null : String(value);
    },
  };
}

/** The value of a member as AWS names it in messages: `roleSessionName` for `RoleSessionName`. */
function memberPath(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/**
 * Every constraint violation of the given members, in AWS's wording; [] when all hold.
 * @example memberViolations(new URLSearchParams('RoleSessionName=a'), [{ name: 'RoleSessionName', minLength: 2 }])
 * // ["Value 'a' at 'roleSessionName' failed to satisfy constraint: Member must have length greater than or equal to 2"]
 */
export function memberViolations(params: MemberValues, rules: readonly MemberRule[]): string[] {
  const violations: string[] = [];
  for (const rule of rules) {
    const value = params.get(rule.name);
    const at = `at '${memberPath(rule.name)}'`;
    if (value === null) {
      if (rule.required) {
        violations.push(`Value null ${at} failed to satisfy constraint: Member must not be null`);
      }
      continue;
    }
    const shown = rule.sensitive ? "'***'" : `'${value}'`;
    const fail = (constraint: string): void => {
      violations.push(
        `Value ${shown} ${at} failed to satisfy constraint: Member must ${constraint}`
      );
    };
    if (rule.integer) {
      if (!/^-?\d+$/.test(value.trim())) {
        fail('be an integer');
        continue;
      }
      const n = Number(value);
      if (rule.min !== undefined && n < rule.min) {
        fail(`have value greater than or equal to ${rule.min}`);
      }
      if (rule.max !== undefined && n > rule.max)
        fail(`have value less than or equal to ${rule.max}`);
      continue;
    }
    if (rule.pattern && !rule.pattern.regex.test(value)) {
      fail(`satisfy regular expression pattern: ${rule.pattern.source}`);
    }
    if (rule.minLength !== undefined && value.length < rule.minLength) {
      fail(`have length greater than or equal to ${rule.minLength}`);
    }
    if (rule.maxLength !== undefined && value.length > rule.maxLength) {
      fail(`have length less than or equal to ${rule.maxLength}`);
    }
  }
  return violations;
}

/**
 * The `ValidationError` message for a list of violations.
 * @example validationErrorMessage(['Value null at …']) // '1 validation error detected: Value null at …'
 */
export function validationErrorMessage(violations: readonly string[]): string {
  const count = violations.length;
  return `${count} validation error${count === 1 ? '' : 's'} detected: ${violations.join('; ')}`;
}

/** The model's `arnType` pattern: any printable character. */
export const ARN_PATTERN = {
  source:
    '[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u0085\\u00A0-\\uD7FF\\uE000-\\uFFFD\\u10000-\\u10FFFF]+',
  regex: /^[\t\n\r\u0020-\u007E\u0085\u00A0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]+$/u,
} as const;
