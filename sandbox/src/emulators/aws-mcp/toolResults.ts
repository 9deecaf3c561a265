// Small helpers shared by the emulated tools: text and error results, and the authenticated
// caller that the HTTP layer attaches to each MCP request. It registers no tool.
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { AwsCaller } from './caller';

/**
 * The AuthInfo the HTTP layer passes to the MCP transport for an authenticated request. It carries
 * no secret: `token` is empty and the caller holds identifiers and policies only.
 * @example req.auth = authInfoFor(caller)
 */
export function authInfoFor(caller: AwsCaller): AuthInfo {
  return { token: '', clientId: caller.accessKeyId, scopes: [], extra: { caller } };
}

/**
 * The caller of a tool call, from the request's AuthInfo.
 * @example const caller = callerOf(extra.authInfo)
 */
export function callerOf(authInfo: AuthInfo | undefined): AwsCaller | undefined {
  const caller = authInfo?.extra?.caller;
  return caller && typeof caller === 'object' ? (caller as AwsCaller) : undefined;
}

/** A successful tool result with one text block. @example toolText('{}') */
export function toolText(text: string): CallToolResult {
  return { content: [{ type: 'text', text }] };
}

/** A tool error (`isError: true`) with one text block. @example toolError('AccessDenied …') */
export function toolError(text: string): CallToolResult {
  return { content: [{ type: 'text', text }], isError: true };
}
