// The proxy's options: what a caller may set, the defaults, and checking them once at startup
// (config loaded and validated, URLs safe to send tokens and signatures to). It starts nothing.

import type { Logger } from 'pino';
import { loadAwsStsConfig, validateAwsSts } from '../config';
import type { AwsStsConfig, AwsStsSpec, ConfigIssue } from '../config';
import { AwsStsError } from '../errors';
import { isLoopbackUrl } from '../shared';
import { MAX_SIGNED_BODY_BYTES } from '../signing';
import {
  DEFAULT_MAX_ATTEMPTS,
  DEFAULT_MAX_ENTRIES,
  DEFAULT_SAFETY_MARGIN_SECONDS,
  DEFAULT_TIMEOUT_MS,
} from '../sts';
import { normalizeOrigins } from './cors';
import { DEFAULT_UPSTREAM_TIMEOUT_MS } from './callUpstream';
import {
  DEFAULT_PROXY_MODE,
  PROXY_MODES,
  TOOLHIVE_MAX_BODY_BYTES,
  TOOLHIVE_STS_MAX_ATTEMPTS,
} from './mode';
import type { ProxyMode } from './mode';

/** Where the MCP endpoint is served when no `resourceUrl` says otherwise. */
export const DEFAULT_MCP_PATH = '/mcp';

/** The enhanced mode's leeway for `exp` and `nbf`; ToolHive allows none (golang-jwt's default). */
export const ENHANCED_CLOCK_TOLERANCE_SECONDS = 30;

/**
 * The per-token caches: credentials per (token, role), and verified tokens (a token seen again
 * skips the signature check and role selection until its exp, at most 60 s per verification).
 */
export interface ProxyCacheOptions {
  /** LRU bound of each cache. Default 1000. */
  maxEntries?: number;
  /** Credentials stop being served this long before they (or the token) expire. Default 60. */
  safetyMarginSeconds?: number;
}

export interface ProxyOptions {
  /**
   * `toolhive`: answer every failure as ToolHive does, call STS on every request, allow no clock
   * skew, cap bodies at 8 MiB. `enhanced` (default): the credential cache, explanatory bodies,
   * Retry-After and a challenge on every 401. See errorResponses.ts for the whole table.
   */
  mode?: ProxyMode;
  /** The awsSts configuration: a (possibly partial) spec object, or YAML/JSON text as a file holds it. */
  config: AwsStsConfig | AwsStsSpec | string;
  /** The MCP server to sign for, e.g. `https://aws-mcp.us-east-1.api.aws/mcp`. */
  upstreamUrl: string;
  /** The OIDC issuer exactly as tokens carry it in `iss`. */
  issuer: string;
  /** Accepted `aud` value(s). */
  audience: string | readonly string[];
  /** Public URL of the MCP endpoint (RFC 9728 `resource`). Default `http://<host>:<port>/mcp`. */
  resourceUrl?: string;
  /** STS endpoint, e.g. a local STS emulator. Default `https://sts.<region>.amazonaws.com`. */
  stsEndpoint?: string;
  /**
   * `false`: every request verified and exchanged with STS, like ToolHive. Default: on in the
   * enhanced mode; the ToolHive mode has no cache and refuses this option.
   */
  cache?: boolean | ProxyCacheOptions;
  /** Repair invalid session names instead of answering 401 (enhanced only; ToolHive rejects). */
  sanitizeSessionName?: boolean;
  /** Browser origins allowed to call the proxy (CORS), e.g. the docs site. */
  allowedOrigins?: readonly string[];
  /** A pino logger; build one with `createProxyLogger` to get the redaction rules. */
  logger?: Logger;
  /** Time the upstream has to send response headers. Default 30000. */
  upstreamTimeoutMs?: number;
  /** Largest request body. Default 8 MiB in the ToolHive mode (its bodylimit), else 10 MiB. */
  maxBodyBytes?: number;
  /** Skip OIDC discovery and read keys here. */
  jwksUri?: string;
  /** Used for discovery and JWKS requests. */
  fetch?: typeof globalThis.fetch;
  /**
   * Attempts per STS exchange (first call plus SDK retries of transient errors). Default 2, or 3
   * in the ToolHive mode (the AWS SDK for Go v2's standard retryer).
   */
  stsMaxAttempts?: number;
  /** Connection and response timeout of each STS attempt, in milliseconds. Default 10000. */
  stsTimeoutMs?: number;
}

/** Options after checking, with defaults applied. */
export interface ResolvedProxyOptions {
  mode: ProxyMode;
  config: AwsStsConfig;
  upstreamUrl: URL;
  issuer: string;
  audience: string[];
  resourceUrl: string | undefined;
  mcpPath: string;
  stsEndpoint: string | undefined;
  cache: { enabled: boolean; maxEntries: number; safetyMarginSeconds: number };
  sanitizeSessionName: boolean;
  allowedOrigins: string[];
  upstreamTimeoutMs: number;
  maxBodyBytes: number;
  jwksUri: string | undefined;
  stsMaxAttempts: number;
  stsTimeoutMs: number;
  /** Leeway for the token's `exp` and `nbf`: 0 in the ToolHive mode, 30 s otherwise. */
  clockToleranceSeconds: number;
}

/**
 * Checks every option once; throws `AwsStsError` (INVALID_CONFIG, with `path`) for the first problem.
 * @example resolveProxyOptions({ config: yamlText, upstreamUrl, issuer, audience: 'toolhive-aws' })
 */
export function resolveProxyOptions(options: ProxyOptions): ResolvedProxyOptions {
  const mode = options.mode ?? DEFAULT_PROXY_MODE;
  if (!PROXY_MODES.includes(mode)) {
    throw invalid('mode', `mode must be one of ${PROXY_MODES.join(', ')}`);
  }
  const toolhive = mode === 'toolhive';
  if (toolhive && options.cache !== undefined && options.cache !== false) {
    throw invalid(
      'cache',
      'the ToolHive mode calls STS on every request, as ToolHive does; the credential cache is an enhancement (mode: enhanced)'
    );
  }
  if (toolhive && options.sanitizeSessionName === true) {
    throw invalid(
      'sanitizeSessionName',
      'ToolHive rejects invalid session names; repairing them is an enhancement (mode: enhanced)'
    );
  }
  const cache = options.cache ?? !toolhive;
  const cacheBounds = typeof cache === 'object' ? cache : {};
  const resourceUrl = options.resourceUrl;
  if (resourceUrl !== undefined) serviceUrl(resourceUrl, 'resourceUrl');
  let allowedOrigins: string[];
  try {
    allowedOrigins = normalizeOrigins(options.allowedOrigins ?? []);
  } catch (error) {
    throw invalid('allowedOrigins', (error as Error).message);
  }
  const audience =
    typeof options.audience === 'string' ? [options.audience] : [...options.audience];
  if (audience.length === 0 || audience.some((a) => typeof a !== 'string' || a === '')) {
    throw invalid('audience', 'audience must be a non-empty string (the aud your tokens carry)');
  }
  return {
    mode,
    config: loadConfig(options.config),
    upstreamUrl: serviceUrl(options.upstreamUrl, 'upstreamUrl'),
    issuer: options.issuer,
    audience,
    resourceUrl,
    mcpPath: resourceUrl === undefined ? DEFAULT_MCP_PATH : new URL(resourceUrl).pathname,
    stsEndpoint:
      options.stsEndpoint === undefined
        ? undefined
        : serviceUrl(options.stsEndpoint, 'stsEndpoint').href,
    cache: {
      enabled: cache !== false,
      maxEntries: positiveInteger(cacheBounds.maxEntries, DEFAULT_MAX_ENTRIES, 'cache.maxEntries'),
      safetyMarginSeconds: nonNegative(
        cacheBounds.safetyMarginSeconds,
        DEFAULT_SAFETY_MARGIN_SECONDS,
        'cache.safetyMarginSeconds'
      ),
    },
    sanitizeSessionName: options.sanitizeSessionName === true,
    allowedOrigins,
    upstreamTimeoutMs: positiveInteger(
      options.upstreamTimeoutMs,
      DEFAULT_UPSTREAM_TIMEOUT_MS,
      'upstreamTimeoutMs'
    ),
    maxBodyBytes: positiveInteger(
      options.maxBodyBytes,
      toolhive ? TOOLHIVE_MAX_BODY_BYTES : MAX_SIGNED_BODY_BYTES,
      'maxBodyBytes'
    ),
    jwksUri: options.jwksUri,
    stsMaxAttempts: positiveInteger(
      options.stsMaxAttempts,
      toolhive ? TOOLHIVE_STS_MAX_ATTEMPTS : DEFAULT_MAX_ATTEMPTS,
      'stsMaxAttempts'
    ),
    stsTimeoutMs: positiveInteger(options.stsTimeoutMs, DEFAULT_TIMEOUT_MS, 'stsTimeoutMs'),
    clockToleranceSeconds: toolhive ? 0 : ENHANCED_CLOCK_TOLERANCE_SECONDS,
  };
}

/**
 * A warning when the upstream is an AWS endpoint (`<service>.<region>.api.aws`) of another region
 * than awsSts `region`: AWS would refuse the signature (one region drives STS and SigV4).
 * @example upstreamRegionWarning(new URL('https://aws-mcp.eu-west-1.api.aws/mcp'), 'us-east-1')
 */
export function upstreamRegionWarning(upstreamUrl: URL, region: string): string | undefined {
  const match = /^[a-z0-9-]+\.([a-z]{2}(?:-[a-z]+)+-\d+)\.api\.aws$/.exec(upstreamUrl.hostname);
  const upstreamRegion = match?.[1];
  if (upstreamRegion === undefined || upstreamRegion === region) return undefined;
  return `upstream ${upstreamUrl.host} is in ${upstreamRegion} but awsSts.region is ${region}: requests are signed for ${region} and AWS will refuse them; set region: ${upstreamRegion}`;
}

function loadConfig(config: ProxyOptions['config']): AwsStsConfig {
  const result = typeof config === 'string' ? loadAwsStsConfig(config) : validateAwsSts(config);
  if (result.ok) return result.config;
  const [first] = result.issues;
  throw configError(first, result.issues.length);
}

function configError(first: ConfigIssue | undefined, count: number): AwsStsError {
  const more = count > 1 ? ` (and ${count - 1} more problem(s))` : '';
  const where = first?.line !== undefined ? ` (line ${first.line})` : '';
  return new AwsStsError(
    first?.code ?? 'INVALID_CONFIG',
    `${first?.message ?? 'invalid awsSts configuration'}${where}${more}`,
    first?.path ? { path: first.path } : {}
  );
}

/**
 * An http(s) URL the proxy sends secrets to (signed requests, the bearer token to STS): https,
 * or plain http on loopback only; no credentials, no fragment.
 */
function serviceUrl(value: string, path: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalid(path, `${path} must be an absolute URL, got ${JSON.stringify(value)}`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackUrl(url))) {
    throw invalid(path, `${path} must use https (plain http is allowed only for loopback hosts)`);
  }
  if (url.username !== '' || url.password !== '' || value.includes('#')) {
    throw invalid(path, `${path} must not contain credentials or a fragment`);
  }
  return url;
}

function positiveInteger(value: number | undefined, fallback: number, path: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) {
    throw invalid(path, `${path} must be a positive integer`);
  }
  return value;
}

function nonNegative(value: number | undefined, fallback: number, path: string): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < 0) {
    throw invalid(path, `${path} must be a number >= 0`);
  }
  return value;
}

function invalid(path: string, message: string): AwsStsError {
  return new AwsStsError('INVALID_CONFIG', message, { path });
}
