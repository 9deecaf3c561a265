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
   * Role and session name per cached (frozen) claim set: a token seen again skips role
   * selection too. Keyed by the claims object, so entries go when the verifier forgets it.
   */
  decisions?: WeakMap<object, RequestDecision>;
}

/** What role selection and the session-name rules decided for one claim set. */
export interface RequestDecision {
  roleArn: string;
  roleFallback: boolean;
  sessionName: string;
  sessionNameSanitized: boolean;
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

  const decision = decide(deps, claims, facts);
  facts.sessionName = decision.sessionName;
  if (decision.sessionNameSanitized) facts.sessionNameSanitized = true;

  const body = await readBody(req, deps.maxBodyBytes);
  facts.bodyBytes = body.byteLength;

  const credentials = await credentialsFor(deps, facts, {
    token,
    tokenExp: Math.floor(expiresAt.getTime() / 1000),
    roleArn: decision.roleArn,
    sessionName: decision.sessionName,
    ...(tokenKey === undefined ? {} : { tokenHash: tokenKey }),
  });

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
 * for a claim set the verifier cached, since both depend only on the claims and the config.
 */
function decide(deps: McpRequestDeps, claims: JWTPayload, facts: RequestFacts): RequestDecision {
  const known = deps.decisions?.get(claims);
  if (known !== undefined) {
    facts.roleArn = known.roleArn;
    facts.roleFallback = known.roleFallback;
    return known;
  }
  const role = selectRole(deps.mapper, claims);
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
  };
  // Only a frozen claim set (the verifier's cache) can be trusted not to change afterwards.
  if (Object.isFrozen(claims)) deps.decisions?.set(claims, decision);
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
