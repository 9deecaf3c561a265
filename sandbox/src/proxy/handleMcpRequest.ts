// The request path for one MCP request (ARCHITECTURE "The request path"): token → role → session
// name → body → credentials → SigV4 → upstream, response streamed back. Errors are thrown, not sent.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { STSClient } from '@aws-sdk/client-sts';
import type { JWTPayload } from 'jose';
import { extractBearerToken } from '../auth';
import type { TokenVerifier } from '../auth';
import type { AwsStsConfig } from '../config';
import { selectRole } from '../roles';
import type { RoleMapper } from '../roles';
import { extractSessionName } from '../session';
import type { CredentialCache, CredentialOutcome, StsCredentials } from '../sts';
import { upstreamRequestHeaders, upstreamTarget } from './headerRules';
import { signUpstream } from './nodeSigner';
import { readBody } from './readBody';
import { relayToUpstream } from './relayToUpstream';
import type { RelayDeps, RelayFacts } from './relayToUpstream';

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

/** Log-safe facts gathered along the way; the caller writes the request log line from them. */
export interface RequestFacts extends RelayFacts {
  requestId: string;
  roleArn?: string;
  roleFallback?: boolean;
  sessionName?: string;
  sessionNameSanitized?: boolean;
  cache?: CacheOutcome;
  bodyBytes?: number;
}

/**
 * Authenticates, authorizes and forwards one MCP request, then streams the upstream response to
 * `res`. Resolves when the response is complete; rejects before anything is sent on failure.
 * Headers already set on `res` (request id, CORS) are kept; the upstream's are added.
 * @example await handleMcpRequest(req, res, deps, { requestId });
 */
export async function handleMcpRequest(
  req: IncomingMessage,
  res: ServerResponse,
  deps: McpRequestDeps,
  facts: RequestFacts
): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase();
  const token = extractBearerToken(req.headers.authorization);
  const { claims, expiresAt, tokenKey } = await deps.verifier.verify(token);

  const decision = decide(deps, claims, tokenKey, facts);
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
    (await credentialsFor(deps, facts, {
      token,
      tokenExp: Math.floor(expiresAt.getTime() / 1000),
      roleArn: decision.roleArn,
      sessionName: decision.sessionName,
      ...(tokenKey === undefined ? {} : { tokenHash: tokenKey }),
    }));

  const target = upstreamTarget(deps.upstreamUrl, req.url ?? '/');
  const signed = signUpstream(
    {
      method,
      url: target,
      headers: upstreamRequestHeaders(req.headers, {
        method,
        requestId: facts.requestId,
        bodyLength: body.byteLength,
      }),
      body,
    },
    credentials,
    { region: deps.config.region, service: deps.config.service, maxBodyBytes: deps.maxBodyBytes }
  );

  await relayToUpstream(
    req,
    res,
    { method, url: target, headers: signed.headers, body },
    deps,
    facts
  );
}

/**
 * The role (403 first when none), then the session name (401), as ToolHive orders them; reused
 * for a token verified before (same cache key), since both depend only on its claims and the
 * configuration.
 */
function decide(
  deps: McpRequestDeps,
  claims: JWTPayload,
  tokenKey: string | undefined,
  facts: RequestFacts
): RequestDecision {
  const known = tokenKey === undefined ? undefined : deps.decisions?.get(tokenKey);
  if (known !== undefined) return known;
  const role = selectRole(deps.mapper, claims);
  // Logged even when the session name is refused next.
  facts.roleArn = role.roleArn;
  facts.roleFallback = role.fallback;
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

async function credentialsFor(
  deps: McpRequestDeps,
  facts: RequestFacts,
  request: {
    token: string;
    tokenExp: number;
    roleArn: string;
    sessionName: string;
    tokenHash?: string;
  }
): Promise<StsCredentials> {
  return deps.credentials.getCredentials(
    {
      ...request,
      region: deps.config.region,
      durationSeconds: deps.config.sessionDuration,
      client: deps.stsClient,
    },
    (outcome) => {
      facts.cache = outcome;
    }
  );
}
