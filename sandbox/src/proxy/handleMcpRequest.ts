// The request path for one MCP request: token → role → session name → body → credentials → SigV4
// → upstream, response streamed back. It returns its facts (and a failure); it sends no errors.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { STSClient } from '@aws-sdk/client-sts';
import type { JWTPayload } from 'jose';
import { extractBearerToken } from '../auth';
import type { TokenVerifier } from '../auth';
import type { AwsStsConfig } from '../config';
import { selectRole } from '../roles';
import type { RoleMapper, RoleSelection } from '../roles';
import { extractSessionName } from '../session';
import type { SignForUpstreamOptions } from '../signing';
import type { CredentialCache, CredentialOutcome } from '../sts';
import { UpstreamCancel } from './callUpstream';
import { upstreamRequestHeaders, upstreamTarget } from './headerRules';
import { signUpstream } from './nodeSigner';
import { readBody } from './readBody';
import { relayUpstreamResponse } from './relayUpstreamResponse';
import type { RelayDeps } from './relayUpstreamResponse';

/** Everything the request path needs, built once by `createProxy`. */
export interface McpRequestDeps extends RelayDeps {
  config: AwsStsConfig;
  verifier: TokenVerifier;
  mapper: RoleMapper;
  credentials: CredentialCache;
  cacheEnabled: boolean;
  stsClient: STSClient;
  upstreamUrl: URL;
  maxBodyBytes: number;
  sanitizeSessionName: boolean;
  /**
   * Role, session name and credential-cache key per verified token (by its cache key): a token
   * seen again skips role selection and the key's construction too. Absent: nothing is reused.
   */
  decisions?: DecisionCache;
}

/** What role selection and the session-name rules decided for one token's claims. */
export interface RequestDecision {
  roleArn: string;
  roleFallback: boolean;
  sessionName: string;
  sessionNameSanitized: boolean;
  /** The credential cache's key for this token and role (when the token has a cache key). */
  credentialKey?: string;
}

/**
 * Decisions by token cache key (SHA-256 of the token), at most `maxEntries`, oldest dropped
 * first. A decision depends only on the token's claims and the configuration, both fixed for a
 * key, so entries never go stale; they are used only after the token verified again.
 */
export interface DecisionCache {
  get(tokenKey: string): RequestDecision | undefined;
  set(tokenKey: string, decision: RequestDecision): void;
  readonly size: number;
}

/**
 * @example const decisions = createDecisionCache(1000);
 */
export function createDecisionCache(maxEntries: number): DecisionCache {
  const entries = new Map<string, RequestDecision>();
  return {
    get: (tokenKey) => entries.get(tokenKey),
    set(tokenKey, decision) {
      entries.set(tokenKey, decision);
      if (entries.size > maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
    },
    get size() {
      return entries.size;
    },
  };
}

/** How the credentials were obtained: from the cache, a new STS call, a call already in flight. */
export type CacheOutcome = CredentialOutcome;

/**
 * What the request path returns: the log-safe facts gathered along the way, and the failure that
 * ended it, if any. The proxy answers `error` from its failure table and writes the log line.
 */
export interface RequestFacts {
  requestId: string;
  roleArn?: string;
  roleFallback?: boolean;
  sessionName?: string;
  sessionNameSanitized?: boolean;
  cache?: CacheOutcome;
  bodyBytes?: number;
  upstreamStatus?: number;
  /** The client went away before the response was complete. */
  clientClosed?: boolean;
  /** What a step threw; nothing was sent for it yet (or the connection was torn down). */
  error?: unknown;
}

/**
 * Authenticates, authorizes and forwards one MCP request, streams the upstream response to `res`,
 * and resolves with the request's facts when the response is complete. A failure is returned in
 * `facts.error` before anything is sent. Headers already set on `res` (request id, CORS) are
 * kept; the upstream's are added.
 * @example const facts = await handleMcpRequest(req, res, deps, requestId);
 */
export async function handleMcpRequest(
  req: IncomingMessage,
  res: ServerResponse,
  deps: McpRequestDeps,
  requestId: string
): Promise<RequestFacts> {
  const facts: RequestFacts = { requestId };
  const cancel = new UpstreamCancel();
  try {
    const method = (req.method ?? 'GET').toUpperCase();
    const token = extractBearerToken(req.headers.authorization);
    const { claims, expiresAt, tokenKey } = await deps.verifier.verify(token);

    let decision = tokenKey === undefined ? undefined : deps.decisions?.get(tokenKey);
    if (decision === undefined) {
      const role = selectRole(deps.mapper, claims);
      // Logged even when the session name is refused next.
      facts.roleArn = role.roleArn;
      facts.roleFallback = role.fallback;
      decision = decide(deps, claims, tokenKey, role);
    }
    facts.roleArn = decision.roleArn;
    facts.roleFallback = decision.roleFallback;
    facts.sessionName = decision.sessionName;
    if (decision.sessionNameSanitized) facts.sessionNameSanitized = true;

    const body = await readBody(req, deps.maxBodyBytes);
    facts.bodyBytes = body.byteLength;

    // A cached credential set is taken synchronously; otherwise one STS call (or a shared one).
    const cached =
      decision.credentialKey === undefined
        ? undefined
        : deps.credentials.peek(decision.credentialKey);
    if (cached !== undefined) facts.cache = 'hit';
    const credentials =
      cached ??
      (await deps.credentials.getCredentials(
        {
          token,
          tokenExp: Math.floor(expiresAt.getTime() / 1000),
          roleArn: decision.roleArn,
          sessionName: decision.sessionName,
          ...(tokenKey === undefined ? {} : { tokenHash: tokenKey }),
          region: deps.config.region,
          durationSeconds: deps.config.sessionDuration,
          client: deps.stsClient,
        },
        (outcome) => {
          facts.cache = outcome;
        }
      ));

    const target = upstreamTarget(deps.upstreamUrl, req.url ?? '/');
    const signed = signUpstream(
      {
        method,
        url: target,
        headers: upstreamRequestHeaders(req.headers, {
          method,
          requestId,
          bodyLength: body.byteLength,
        }),
        body,
      },
      credentials,
      signingOptions(deps)
    );

    facts.upstreamStatus = await relayUpstreamResponse(
      req,
      res,
      { method, url: target, headers: signed.headers, body },
      deps,
      cancel
    );
  } catch (error) {
    facts.error = error;
  }
  if (cancel.cancelled) facts.clientClosed = true;
  return facts;
}

const signingOptionsByDeps = new WeakMap<McpRequestDeps, SignForUpstreamOptions>();

/** The signer's options, the same for every request of one proxy: made once. */
function signingOptions(deps: McpRequestDeps): SignForUpstreamOptions {
  let options = signingOptionsByDeps.get(deps);
  if (options === undefined) {
    options = {
      region: deps.config.region,
      service: deps.config.service,
      maxBodyBytes: deps.maxBodyBytes,
    };
    signingOptionsByDeps.set(deps, options);
  }
  return options;
}

/**
 * The session name for the selected role (401 when refused, after the role's 403, as ToolHive
 * orders them), kept for a token verified before (same cache key): both depend only on its
 * claims and the configuration.
 */
function decide(
  deps: McpRequestDeps,
  claims: JWTPayload,
  tokenKey: string | undefined,
  role: RoleSelection
): RequestDecision {
  const session = extractSessionName(claims, deps.config.sessionNameClaim, {
    sanitize: deps.sanitizeSessionName,
  });
  const decision: RequestDecision = {
    roleArn: role.roleArn,
    roleFallback: role.fallback,
    sessionName: session.sessionName,
    sessionNameSanitized: session.sanitized,
    ...(tokenKey === undefined
      ? {}
      : { credentialKey: deps.credentials.keyFor(tokenKey, role.roleArn) }),
  };
  if (tokenKey !== undefined) deps.decisions?.set(tokenKey, decision);
  return decision;
}
