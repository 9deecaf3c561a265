// The request log: one line per request, built from what the request path returned and how the
// request was answered. Log-safe by construction: facts hold no token, credential or claim set.

import type { Logger } from 'pino';
import type { ErrorResponse } from './errorResponses';
import type { RequestFacts } from './handleMcpRequest';
import { HEALTH_PATH } from './routes';

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
  if (facts.roleArn) {
    line.roleArn = facts.roleArn;
    line.roleFallback = facts.roleFallback;
  }
  if (facts.sessionName) line.sessionName = facts.sessionName;
  if (facts.sessionNameSanitized) line.sessionNameSanitized = true;
  if (facts.cache) line.cache = facts.cache;
  if (facts.bodyBytes !== undefined) line.bodyBytes = facts.bodyBytes;
  if (facts.upstreamStatus !== undefined) line.upstreamStatus = facts.upstreamStatus;
  if (facts.clientClosed) line.clientClosed = true;
  if (failure) line.failure = { stage: failure.stage, ...failure.log };
  if (failure?.stage === 'internal') logger.error(line, 'request failed');
  else if (path === HEALTH_PATH) logger.debug(line, 'request');
  else logger.info(line, 'request');
}
