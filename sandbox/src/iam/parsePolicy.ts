// Parsing a policy document (object or JSON) into a ParsedPolicy, listing every malformation found.
// It does not check size quotas (limits.ts) or evaluate anything.

import { AwsStsError } from '../errors';
import {
  checkAction,
  checkResource,
  isObject,
  member,
  parseCondition,
  parsePrincipal,
  problem,
  stringList,
  type Problems,
} from './parseElements';
import type {
  Effect,
  ParsedPolicy,
  ParsedStatement,
  PolicyKind,
  PolicyProblem,
  PolicyVersion,
} from './types';

export interface ParseOptions {
  /** Which element rules apply (default `identity`): see PolicyKind. */
  kind?: PolicyKind;
}

export type PolicyValidation =
  { ok: true; policy: ParsedPolicy; problems: [] } | { ok: false; problems: PolicyProblem[] };

const VERSIONS: readonly PolicyVersion[] = ['2012-10-17', '2008-10-17'];
const TOP_FIELDS = ['Version', 'Id', 'Statement'];
const STATEMENT_FIELDS = [
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
];
const KIND_NAMES: Record<PolicyKind, string> = {
  identity: 'an identity-based (permission) policy',
  trust: 'a trust policy',
  resource: 'a resource-based policy',
};

/**
 * Whether a value is already a ParsedPolicy (lower-case `statements`, a known `kind`, statements
 * with an effect and a condition list) rather than a JSON document to validate.
 * @example isParsedPolicy(parsePolicy(doc)) // true
 */
export function isParsedPolicy(value: unknown): value is ParsedPolicy {
  return (
    isObject(value) &&
    !('Statement' in value) &&
    typeof value.kind === 'string' &&
    Object.hasOwn(KIND_NAMES, value.kind) &&
    Array.isArray(value.statements) &&
    value.statements.every(
      (s: unknown) =>
        isObject(s) && (s.effect === 'Allow' || s.effect === 'Deny') && Array.isArray(s.conditions)
    )
  );
}

/** IAM accepts only tab, LF, CR and U+0020–U+00FF in policy documents. */
function checkCharacters(text: string, problems: Problems): void {
  const bad = /[^\t\n\r\u0020-\u00ff]/u.exec(text);
  if (bad) {
    const code = bad[0].codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0');
    problems.push({
      path: '',
      message: `Policy document contains ${JSON.stringify(bad[0])} (U+${code}); IAM allows only tab, LF, CR and U+0020–U+00FF`,
    });
  }
}

/** Exactly one of `a`/`b` (or neither when `allowed` is false). */
function pair(
  s: Record<string, unknown>,
  path: string,
  [a, b]: [string, string],
  rule: 'required' | 'forbidden',
  kind: PolicyKind,
  problems: Problems
): string | undefined {
  const present = [a, b].filter((k) => s[k] !== undefined);
  if (rule === 'forbidden') {
    for (const k of present)
      problem(problems, member(path, k), `is not allowed in ${KIND_NAMES[kind]}`);
    return undefined;
  }
  if (present.length === 2) problem(problems, path, `must not contain both ${a} and ${b}`);
  else if (present.length === 0) problem(problems, path, `must contain ${a} or ${b}`);
  return present.length === 1 ? present[0] : undefined;
}

function parseStatement(
  s: unknown,
  path: string,
  kind: PolicyKind,
  sids: Map<string, string>,
  problems: Problems
): ParsedStatement | undefined {
  if (!isObject(s)) {
    problem(problems, path, 'must be an object');
    return undefined;
  }
  const before = problems.length;
  for (const key of Object.keys(s)) {
    if (!STATEMENT_FIELDS.includes(key)) {
      problem(
        problems,
        path,
        `has an unknown field ${JSON.stringify(key)} (allowed: ${STATEMENT_FIELDS.join(', ')})`
      );
    }
  }
  let sid: string | undefined;
  if (s.Sid !== undefined) {
    if (typeof s.Sid !== 'string') problem(problems, `${path}.Sid`, 'must be a string');
    else {
      sid = s.Sid;
      if (kind !== 'resource' && !/^[A-Za-z0-9]*$/.test(sid)) {
        problem(
          problems,
          `${path}.Sid`,
          'must contain only letters A-Z, a-z and digits 0-9 in IAM policies'
        );
      }
      const earlier = sids.get(sid);
      if (earlier !== undefined)
        problem(problems, `${path}.Sid`, `${JSON.stringify(sid)} is already used by ${earlier}`);
      else sids.set(sid, path);
    }
  }
  if (s.Effect !== 'Allow' && s.Effect !== 'Deny')
    problem(problems, `${path}.Effect`, 'must be "Allow" or "Deny"');
  const statement: ParsedStatement = { sid, effect: s.Effect as Effect, conditions: [] };

  const principalRule = kind === 'identity' ? 'forbidden' : 'required';
  const principalKey = pair(s, path, ['Principal', 'NotPrincipal'], principalRule, kind, problems);
  if (principalKey === 'Principal')
    statement.principal = parsePrincipal(s.Principal, `${path}.Principal`, problems);
  if (principalKey === 'NotPrincipal') {
    statement.notPrincipal = parsePrincipal(s.NotPrincipal, `${path}.NotPrincipal`, problems);
  }
  const actionKey = pair(s, path, ['Action', 'NotAction'], 'required', kind, problems);
  if (actionKey === 'Action')
    statement.action = stringList(s.Action, `${path}.Action`, problems, checkAction);
  if (actionKey === 'NotAction') {
    statement.notAction = stringList(s.NotAction, `${path}.NotAction`, problems, checkAction);
  }
  const resourceRule = kind === 'trust' ? 'forbidden' : 'required';
  const resourceKey = pair(s, path, ['Resource', 'NotResource'], resourceRule, kind, problems);
  if (resourceKey === 'Resource')
    statement.resource = stringList(s.Resource, `${path}.Resource`, problems, checkResource);
  if (resourceKey === 'NotResource') {
    statement.notResource = stringList(
      s.NotResource,
      `${path}.NotResource`,
      problems,
      checkResource
    );
  }
  if (s.Condition !== undefined) {
    statement.conditions = parseCondition(s.Condition, `${path}.Condition`, problems) ?? [];
  }
  return problems.length === before ? statement : undefined;
}

function decode(input: unknown, problems: Problems): unknown {
  if (typeof input !== 'string') {
    let text: string | undefined;
    try {
      text = JSON.stringify(input);
    } catch {
      problems.push({
        path: '',
        message: 'Policy document must be JSON data (no cycles or BigInt)',
      });
    }
    if (typeof text === 'string') checkCharacters(text, problems);
    return input;
  }
  checkCharacters(input, problems);
  try {
    return JSON.parse(input) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    problems.push({ path: '', message: `Policy document is not valid JSON: ${reason}` });
    return undefined;
  }
}

/**
 * Validates a policy document (object or JSON text) and returns every problem found, or the
 * normalised policy. The IAM emulator turns problems into `MalformedPolicyDocument`.
 * @example validatePolicy('{"Version":"2012-10-17","Statement":[]}').problems[0]?.message
 * // 'Statement must contain at least one statement'
 */
export function validatePolicy(input: unknown, options: ParseOptions = {}): PolicyValidation {
  if (isParsedPolicy(input)) return { ok: true, policy: input, problems: [] };
  const kind = options.kind ?? 'identity';
  const problems: Problems = [];
  const doc = decode(input, problems);
  if (problems.some((p) => p.path === '' && /not valid JSON|must be JSON data/.test(p.message))) {
    return { ok: false, problems };
  }
  if (!isObject(doc)) {
    problems.push({ path: '', message: 'Policy document must be a JSON object' });
    return { ok: false, problems };
  }
  for (const key of Object.keys(doc)) {
    if (!TOP_FIELDS.includes(key)) {
      problems.push({
        path: key,
        message: `Policy document has an unknown field ${JSON.stringify(key)} (allowed: ${TOP_FIELDS.join(', ')})`,
      });
    }
  }
  const version = doc.Version;
  if (version !== undefined && !VERSIONS.includes(version as PolicyVersion)) {
    problem(problems, 'Version', 'must be "2012-10-17" or "2008-10-17"');
  }
  if (doc.Id !== undefined && typeof doc.Id !== 'string')
    problem(problems, 'Id', 'must be a string');
  const raw = doc.Statement;
  const statements: ParsedStatement[] = [];
  if (raw === undefined) problem(problems, 'Statement', 'is required');
  else if (Array.isArray(raw) && raw.length === 0)
    problem(problems, 'Statement', 'must contain at least one statement');
  else if (!Array.isArray(raw) && !isObject(raw))
    problem(problems, 'Statement', 'must be an object or an array of objects');
  else {
    const sids = new Map<string, string>();
    const list: unknown[] = Array.isArray(raw) ? raw : [raw];
    list.forEach((s, i) => {
      const path = Array.isArray(raw) ? `Statement[${i}]` : 'Statement';
      const parsed = parseStatement(s, path, kind, sids, problems);
      if (parsed) statements.push(parsed);
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    problems: [],
    policy: {
      version: version as PolicyVersion | undefined,
      id: doc.Id as string | undefined,
      kind,
      statements,
    },
  };
}

/**
 * Parses a policy or throws `AwsStsError` (`INVALID_INPUT`) listing every problem; a ParsedPolicy
 * passes through unchanged.
 * @example parsePolicy(trustPolicyJson, { kind: 'trust' }).statements[0]?.effect // 'Allow'
 */
export function parsePolicy(input: unknown, options: ParseOptions = {}): ParsedPolicy {
  const result = validatePolicy(input, options);
  if (result.ok) return result.policy;
  const first = result.problems[0];
  throw new AwsStsError(
    'INVALID_INPUT',
    `Malformed policy document: ${result.problems.map((p) => p.message).join('; ')}`,
    first?.path ? { path: first.path } : {}
  );
}
