// `role`: which IAM role ToolHive's awsSts would assume for a set of claims, why (a trace of
// every mapping), and the RoleSessionName. It does not call STS or verify tokens.

import { AwsStsError } from '../../errors';
import { compileRoleMapper, evaluateRoleMappings, explainSelection } from '../../roles';
import type { RoleEvaluation } from '../../roles';
import { extractSessionName, type SessionName } from '../../session';
import { printJson, reportError } from '../output';
import { parseFlags, requireFlag } from '../parseFlags';
import { readClaims, readConfig } from '../readInputs';
import { EXIT_OK, type Command } from '../types';

export const roleCommand: Command = {
  name: 'role',
  summary: 'Show which IAM role and session name ToolHive would use for a set of JWT claims',
  usage: `Usage: role --config FILE (--claims FILE|- | --token JWT|-) [--json] [--sanitize-session-name]

Runs ToolHive's role selection (claim and CEL matcher mappings, priorities, fallback) and
session-name rules on a set of claims, and explains the outcome of every mapping.

Flags:
  --config FILE              MCPExternalAuthConfig YAML or a bare awsSts object (YAML or JSON)
  --claims FILE|-            JSON object of claims (a decoded JWT payload); - reads stdin
  --token JWT|-              a JWT whose payload is decoded locally. Its signature, issuer,
                             audience and expiry are NOT verified. - reads the token from stdin,
                             which keeps it out of shell history and process lists
  --sanitize-session-name    repair an invalid session name (e.g. auth0|123 -> auth0-123)
                             instead of reporting it; ToolHive itself rejects such names
  --json                     print {"roleArn", "matched", "fallback", "sessionName", "trace"}
  -h, --help                 show this help

Relative paths are resolved from the current directory, or from the repository root when run
through "npm run cli" (npm changes directory before running the script).

Exit status: 0 a role was chosen (even when the session name is invalid: see
sessionNameError), 1 invalid config or no role (NO_ROLE_MAPPING), 2 bad usage or input.`,

  async run(argv, io) {
    const flags = parseFlags('role', argv, {
      config: { type: 'string' },
      claims: { type: 'string' },
      token: { type: 'string' },
      json: { type: 'boolean' },
      'sanitize-session-name': { type: 'boolean' },
    });
    const json = flags.json === true;
    const configPath = requireFlag('role', 'config', flags.config);
    const loaded = await readConfig(io, configPath);
    const claims = await readClaims(io, { claims: flags.claims, token: flags.token });
    if (!loaded.ok) {
      const [first] = loaded.issues;
      const more =
        loaded.issues.length > 1
          ? ` (and ${loaded.issues.length - 1} more: run "validate --config ${configPath}")`
          : '';
      const error = new AwsStsError(
        first?.code ?? 'INVALID_CONFIG',
        `${first?.message ?? 'invalid configuration'}${json ? '' : more}`,
        {
          path: first?.path || undefined,
        }
      );
      return reportError(io, error, json, { issues: loaded.issues });
    }
    const evaluation = evaluateRoleMappings(compileRoleMapper(loaded.config), claims);
    if (evaluation.roleArn === null) {
      const error = new AwsStsError(
        'NO_ROLE_MAPPING',
        'no role mapping found for JWT claims: no mapping matched for the provided claims; add a matching roleMappings entry or a fallbackRoleArn'
      );
      if (!json) io.stderr(explainSelection(evaluation));
      return reportError(io, error, json, { trace: evaluation.trace });
    }
    let session: SessionName | AwsStsError;
    try {
      session = extractSessionName(claims, loaded.config.sessionNameClaim, {
        sanitize: flags['sanitize-session-name'] === true,
      });
    } catch (error) {
      if (!(error instanceof AwsStsError)) throw error;
      session = error;
    }
    if (json) printJson(io, toJson(evaluation, session));
    else io.stdout(toText(evaluation, session));
    return EXIT_OK;
  },
};

function toJson(evaluation: RoleEvaluation, session: SessionName | AwsStsError) {
  const { roleArn, matched, fallback, trace } = evaluation;
  const sessionPart =
    session instanceof AwsStsError
      ? { sessionNameError: { code: session.code, message: session.message } }
      : {
          sessionName: session.sessionName,
          ...(session.sanitized ? { sessionNameSanitized: true } : {}),
        };
  return { roleArn, matched, fallback, ...sessionPart, trace };
}

function toText(evaluation: RoleEvaluation, session: SessionName | AwsStsError): string {
  const sessionLine =
    session instanceof AwsStsError
      ? `Session name: none: [${session.code}] ${session.message} (the proxy answers 401)`
      : `Session name: ${session.sessionName} (claim ${session.claim}${session.sanitized ? ', sanitized' : ''})`;
  return [
    `Role: ${evaluation.roleArn ?? ''}${evaluation.fallback ? ' (fallback)' : ''}`,
    sessionLine,
    '',
    explainSelection(evaluation),
  ].join('\n');
}
