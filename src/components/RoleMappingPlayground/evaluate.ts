// Runs the playground's inputs through the sandbox core: load the awsSts config, select a role,
// extract the session name. It never throws and holds no ToolHive rule of its own.
import {
  loadAwsStsConfig,
  type AwsStsConfig,
  type ConfigIssue,
} from '@toolhive-aws-sts/sandbox/config';
import {
  compileRoleMapper,
  evaluateRoleMappings,
  summarizeSelection,
  type RoleEvaluation,
} from '@toolhive-aws-sts/sandbox/roles';
import { extractSessionName } from '@toolhive-aws-sts/sandbox/session';
import { isAwsStsError } from '@toolhive-aws-sts/sandbox/errors';

export type ConfigState =
  { ok: true; config: AwsStsConfig; warnings: string[] } | { ok: false; issues: ConfigIssue[] };

export type ClaimsState =
  { ok: true; claims: Record<string, unknown> } | { ok: false; message: string };

export type SessionState =
  { ok: true; sessionName: string; claim: string } | { ok: false; code: string; message: string };

export type Outcome =
  | { ok: true; evaluation: RoleEvaluation; summary: string; session: SessionState }
  | { ok: false; message: string };

/** The YAML (or JSON) in the configuration editor, loaded and validated. */
export function readConfig(text: string): ConfigState {
  const result = loadAwsStsConfig(text);
  return result.ok
    ? { ok: true, config: result.config, warnings: result.warnings }
    : { ok: false, issues: result.issues };
}

/** The JSON in the claims editor: an object, as a JWT payload is. */
export function readClaims(text: string): ClaimsState {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `The claims are not valid JSON: ${why}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const got = value === null ? 'null' : Array.isArray(value) ? 'a list' : `a ${typeof value}`;
    return {
      ok: false,
      message: `The claims must be a JSON object like {"sub": "alice", "groups": ["s3-readers"]}, not ${got}.`,
    };
  }
  return { ok: true, claims: value as Record<string, unknown> };
}

/** Which role ToolHive picks for these claims, how every mapping fared, and the session name. */
export function selectRoleFor(config: AwsStsConfig, claims: Record<string, unknown>): Outcome {
  let evaluation: RoleEvaluation;
  try {
    evaluation = evaluateRoleMappings(compileRoleMapper(config), claims);
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  let session: SessionState;
  try {
    const name = extractSessionName(claims, config.sessionNameClaim);
    session = { ok: true, sessionName: name.sessionName, claim: name.claim };
  } catch (error) {
    session = isAwsStsError(error)
      ? { ok: false, code: error.code, message: error.message }
      : { ok: false, code: 'INTERNAL', message: String(error) };
  }
  return { ok: true, evaluation, summary: summarizeSelection(evaluation), session };
}
