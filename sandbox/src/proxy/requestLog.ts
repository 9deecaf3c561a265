// The request log: one line per request, built from what the request path returned and how the
// request was answered. Log-safe by construction: facts hold no token, credential or claim set.

import type { Logger } from 'pino';
import type { ErrorResponse } from './errorResponses';
import type { RequestDecision, RequestFacts } from './handleMcpRequest';
import { HEALTH_PATH } from './routes';

/** Per decision: the child logger that carries its role and session name, and its parent. */
const decisionLoggers = new WeakMap<RequestDecision, { parent: Logger; child: Logger }>();

function decisionLogger(parent: Logger, decision: RequestDecision): Logger {
  const known = decisionLoggers.get(decision);
  if (known !== undefined && known.parent === parent) return known.child;
  const bindings: Record<string, unknown> = {
    roleArn: decision.roleArn,
    roleFallback: decision.roleFallback,
    sessionName: decision.sessionName,
  };
  if (decision.sessionNameSanitized) bindings.sessionNameSanitized = true;
  const child = parent.child(bindings);
  decisionLoggers.set(decision, { parent, child });
  return child;
}

/**
 * Writes the request's line: `error` for an internal failure, `debug` for /health, else `info`.
 * @example logRequest(logger, 'POST', '/mcp', 200, 12.3, facts, undefined);
 */
export function logRequest(
  logger: Logger,
  method: string | undefined,
  path: string,
  status: number,
  durationMs: number,
  facts: RequestFacts,
  failure: ErrorResponse | undefined
): void {
  // Built field by field (no spread of small objects): one of these per request.
  const line: Record<string, unknown> = {
    requestId: facts.requestId,
    method,
    path,
    status,
    durationMs: Math.round(durationMs * 10) / 10,
  };
  const { decision } = facts;
  if (decision !== undefined && decision.roleArn === facts.roleArn) {
    // The role and session name as bound fields of the decision's child logger: serialised once
    // per token, not on every line (same fields, before `requestId` in the line).
    logger = decisionLogger(logger, decision);
  } else {
    if (facts.roleArn) {
      line.roleArn = facts.roleArn;
      line.roleFallback = facts.roleFallback;
    }
    if (facts.sessionName) line.sessionName = facts.sessionName;
    if (facts.sessionNameSanitized) line.sessionNameSanitized = true;
  }
  if (facts.cache) line.cache = facts.cache;
  if (facts.bodyBytes !== undefined) line.bodyBytes = facts.bodyBytes;
  if (facts.upstreamStatus !== undefined) line.upstreamStatus = facts.upstreamStatus;
  if (facts.clientClosed) line.clientClosed = true;
  if (failure) line.failure = { stage: failure.stage, ...failure.log };
  if (failure?.stage === 'internal') logger.error(line, 'request failed');
  else if (path === HEALTH_PATH) logger.debug(line, 'request');
  else logger.info(line, 'request');
}
