// One readable line per proxy request and per STS decision, for the sandbox's terminal (the JSON
// lines stay available with --json). It formats only; it never sees tokens or credentials.

import type { StsExplanation } from '../emulators/sts-core';
import { roleNameOf } from './demoUsers';

/**
 * A proxy log line (pino JSON) as one line of text, or the line unchanged when it is not JSON.
 * @example formatProxyLogLine('{"msg":"request","method":"POST","path":"/mcp","status":200,"durationMs":12}')
 * // 'proxy  POST /mcp -> 200 (12 ms)'
 */
export function formatProxyLogLine(line: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line.trimEnd();
  }
  if (entry.method === undefined || entry.status === undefined) {
    return `proxy  ${String(entry.msg ?? line.trim())}`;
  }
  const parts = [`proxy  ${String(entry.method)} ${String(entry.path)} -> ${String(entry.status)}`];
  if (typeof entry.roleArn === 'string') {
    parts.push(
      `role ${roleNameOf(entry.roleArn)}${entry.roleFallback === true ? ' (fallback)' : ''}`
    );
  }
  if (typeof entry.sessionName === 'string') parts.push(`session ${entry.sessionName}`);
  if (typeof entry.cache === 'string') parts.push(`credentials ${entry.cache}`);
  const failure = entry.failure as Record<string, unknown> | undefined;
  if (failure !== undefined)
    parts.push(`failed at ${String(failure.stage)}: ${failureText(failure)}`);
  const duration = typeof entry.durationMs === 'number' ? ` (${entry.durationMs} ms)` : '';
  return `${parts.join(', ')}${duration}`;
}

/**
 * An STS emulator decision as one line.
 * @example formatStsDecision(explanation) // 'sts    AssumeRoleWithWebIdentity DefaultMCPRole/bob -> AccessDenied: …'
 */
export function formatStsDecision(explanation: StsExplanation): string {
  const role = explanation.roleArn !== undefined ? ` ${roleNameOf(explanation.roleArn)}` : '';
  const session = explanation.sessionName !== undefined ? `/${explanation.sessionName}` : '';
  const head = `sts    ${explanation.action ?? 'request'}${role}${session} -> ${explanation.outcome}`;
  return explanation.outcome === 'Issued' ? head : `${head}: ${explanation.detail}`;
}

function failureText(failure: Record<string, unknown>): string {
  const sts = failure.sts as Record<string, unknown> | undefined;
  if (sts !== undefined) return `${String(sts.code)} ${String(sts.message ?? '')}`.trim();
  const detail =
    failure.detail ?? failure.message ?? failure.reason ?? failure.code ?? failure.kind;
  return String(detail ?? 'unknown');
}
