// The `session-name` link, offline: the RoleSessionName ToolHive takes from `sessionNameClaim`
// and its verdict (ToolHive rejects, never repairs); on failure, a claim of this token that would
// work. It does not call STS.

import type { AwsStsConfig } from '../config';
import { isAwsStsError } from '../errors';
import { extractSessionName, sanitizeSessionName, sessionNameProblem } from '../session';
import { fail, pass, tokenCheckInputs } from './report';
import type { DoctorCheck } from './types';

/** Claims worth proposing as `sessionNameClaim`, in order of preference. */
const CANDIDATE_CLAIMS = ['email', 'preferred_username', 'upn', 'oid', 'uid', 'username', 'name'];

export interface SessionNameOutcome {
  check: DoctorCheck;
  sessionName?: string;
}

/**
 * Reads and judges the session name as ToolHive would.
 * @example checkSessionName(config, { sub: 'auth0|carol' }).check.status // 'fail'
 */
export function checkSessionName(
  validConfig: AwsStsConfig | undefined,
  tokenClaims: Record<string, unknown> | undefined
): SessionNameOutcome {
  const inputs = tokenCheckInputs('session-name', validConfig, tokenClaims);
  if ('skipped' in inputs) return { check: inputs.skipped };
  const { config, claims } = inputs;
  try {
    const { sessionName, claim } = extractSessionName(claims, config.sessionNameClaim);
    return {
      sessionName,
      check: pass(
        'session-name',
        `${JSON.stringify(sessionName)} from claim ${claim} is a valid RoleSessionName`
      ),
    };
  } catch (error) {
    if (!isAwsStsError(error)) throw error;
    const claim = config.sessionNameClaim;
    const value = claims[claim];
    const problem = typeof value === 'string' ? sessionNameProblem(value) : undefined;
    const found =
      error.code === 'INVALID_SESSION_NAME' && typeof value === 'string'
        ? `${claim} ${JSON.stringify(value)} is not a valid RoleSessionName (${problem ?? error.message}): ToolHive answers 401 "Invalid session name"`
        : `${Object.hasOwn(claims, claim) ? `claim "${claim}" is not a non-empty string` : `claim "${claim}" not found in token`} (sessionNameClaim): ToolHive answers 401 "Missing session name claim"`;
    // Plain names first, then namespaced ones (Auth0's Actions write https://example.com/email).
    const names = Object.keys(claims);
    const alternative = [
      ...CANDIDATE_CLAIMS,
      ...CANDIDATE_CLAIMS.flatMap((base) => names.filter((name) => name.endsWith(`/${base}`))),
    ].find((name) => {
      const candidate = claims[name];
      return (
        name !== claim &&
        typeof candidate === 'string' &&
        sessionNameProblem(candidate) === undefined
      );
    });
    const fix =
      alternative !== undefined
        ? `set sessionNameClaim: ${alternative} (this token's ${alternative} ${JSON.stringify(claims[alternative])} is valid)`
        : typeof value === 'string'
          ? `set sessionNameClaim to a claim whose values are 2-64 of letters, digits and _+=,.@- (a sanitised ${JSON.stringify(sanitizeSessionName(value).sessionName)} is what this project's proxy makes with --sanitize-session-name; ToolHive has no such option)`
          : 'set sessionNameClaim to a claim every token carries as a non-empty string (default sub)';
    return {
      check: fail('session-name', found, fix),
    };
  }
}
