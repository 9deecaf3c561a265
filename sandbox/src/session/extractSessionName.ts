// ToolHive's `ExtractSessionName` + `ValidateSessionName`: the RoleSessionName from the claim
// named by `sessionNameClaim`. It does not coerce values; sanitizing is opt-in and not ToolHive's.

import { DEFAULT_SESSION_NAME_CLAIM } from '../config/constants';
import { AwsStsError } from '../errors';
import type { Claims } from '../cel';
import { sanitizeSessionName } from './sanitizeSessionName';
import { sessionNameProblem } from './validateSessionName';

/** Options of `extractSessionName`. */
export interface ExtractSessionNameOptions {
  /** Repair an invalid value instead of rejecting it (an extension; ToolHive rejects). */
  sanitize?: boolean;
}

/** The session name, the claim it came from, and whether it was repaired. */
export interface SessionName {
  sessionName: string;
  claim: string;
  sanitized: boolean;
}

/**
 * Reads and validates the session name. Throws `MISSING_SESSION_NAME_CLAIM` when the claim is
 * absent, not a string or `""`, and `INVALID_SESSION_NAME` when STS would refuse the value
 * (unless `sanitize` is set).
 * @example extractSessionName({ sub: 'user123' }, 'sub').sessionName // 'user123'
 */
export function extractSessionName(
  claims: Claims,
  sessionNameClaim = DEFAULT_SESSION_NAME_CLAIM,
  options: ExtractSessionNameOptions = {}
): SessionName {
  const claim = sessionNameClaim === '' ? DEFAULT_SESSION_NAME_CLAIM : sessionNameClaim;
  const hint =
    'set sessionNameClaim to a claim every token carries as a non-empty string (default sub)';
  if (!Object.hasOwn(claims, claim)) {
    throw new AwsStsError(
      'MISSING_SESSION_NAME_CLAIM',
      `claim "${claim}" not found in token; ${hint}`
    );
  }
  const value = claims[claim];
  if (typeof value !== 'string' || value === '') {
    throw new AwsStsError(
      'MISSING_SESSION_NAME_CLAIM',
      `claim "${claim}" is not a non-empty string; ${hint}`
    );
  }
  if (options.sanitize === true) return { claim, ...sanitizeSessionName(value) };
  const problem = sessionNameProblem(value);
  if (problem !== undefined) {
    throw new AwsStsError(
      'INVALID_SESSION_NAME',
      `${problem}; the value of claim "${claim}" cannot be an AWS RoleSessionName (ToolHive rejects it ` +
        'rather than sanitizing): choose a sessionNameClaim whose values are 2-64 of letters, digits and _+=,.@-'
    );
  }
  return { sessionName: value, claim, sanitized: false };
}
