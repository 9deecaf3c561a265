// `serve`: runs the awsSts proxy (OIDC token → role → STS → SigV4 → upstream MCP server) until
// SIGINT/SIGTERM. It does not implement the proxy (sandbox/src/proxy does).

import { AwsStsError } from '../../errors';
import { createProxy, createProxyLogger } from '../../proxy';
import type { ListeningAddress, Proxy } from '../../proxy';
import { reportError } from '../output';
import { parseFlags, requireFlag } from '../parseFlags';
import { readConfig } from '../readInputs';
import { EXIT_OK, type Command } from '../types';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
type LogLevel = (typeof LOG_LEVELS)[number];

/** Proxy option paths → the flag a user would change. */
const FLAG_FOR_PATH: Record<string, string> = {
  upstreamUrl: '--upstream',
  issuer: '--issuer',
  audience: '--audience',
  resourceUrl: '--resource-url',
  resource: '--resource-url',
  stsEndpoint: '--sts-endpoint',
  jwksUri: '--jwks-uri',
  allowedOrigins: '--allowed-origin',
  upstreamTimeoutMs: '--upstream-timeout-ms',
};

export interface ServeCommandOptions {
  /** Resolves (with the signal's name) when the proxy should stop. Default: SIGINT or SIGTERM. */
  waitForStop?: () => Promise<string>;
  /** Called once the proxy listens (tests). */
  onListening?: (address: ListeningAddress) => void;
}

/**
 * The `serve` command; `waitForStop` is injectable so tests can stop it without signals.
 * @example const command = createServeCommand({ waitForStop: () => stopped });
 */
export function createServeCommand(options: ServeCommandOptions = {}): Command {
  const waitForStop = options.waitForStop ?? waitForSignal;
  return {
    name: 'serve',
    summary: 'Run the awsSts proxy: OIDC bearer token → IAM role → STS → SigV4 → MCP server',
    usage: `Usage: serve --config FILE --upstream URL --issuer URL --audience AUD [flags]

Runs ToolHive's awsSts request path as an HTTP proxy for MCP Streamable HTTP: validates the
client's OIDC bearer token, picks an IAM role from its claims, exchanges the token with STS
(AssumeRoleWithWebIdentity), signs the request with SigV4 and streams the upstream response back.
Stops cleanly on SIGINT or SIGTERM.

By default it runs this project's enhanced mode: credentials are cached per token and role,
error bodies say why (the STS reason included), transient failures carry Retry-After, every 401
carries a challenge, and STS refusals answer 403/502/503 where they fit. --toolhive gives
ToolHive's own behavior instead: STS on every request and ToolHive's status codes and bodies.

Flags:
  --config FILE              MCPExternalAuthConfig YAML or a bare awsSts object (YAML or JSON)
  --upstream URL             MCP server to sign for, e.g. https://aws-mcp.us-east-1.api.aws/mcp
  --issuer URL               OIDC issuer, exactly as tokens carry it in iss
  --audience AUD             audience the tokens must carry in aud
  --port N                   port to listen on (default 8080; 0 picks a free port)
  --host H                   address to bind (default 127.0.0.1)
  --resource-url URL         public URL of the MCP endpoint, advertised in WWW-Authenticate and
                             /.well-known/oauth-protected-resource (default http://HOST:PORT/mcp;
                             required when --host is not a loopback address)
  --sts-endpoint URL         STS endpoint, e.g. a local STS emulator (default
                             https://sts.<region>.amazonaws.com)
  --jwks-uri URL             read the issuer's keys here instead of using OIDC discovery
  --toolhive                 behave as ToolHive does: STS on every request, ToolHive's answers
                             for every failure, no clock skew, 8 MiB body cap (default: enhanced)
  --no-cache                 call STS on every request, as ToolHive does (enhanced mode)
  --sanitize-session-name    repair invalid session names (auth0|123 -> auth0-123) instead of
                             answering 401; ToolHive rejects them (enhanced mode)
  --allowed-origin ORIGIN    browser origin allowed to call the proxy (CORS); repeatable
  --upstream-timeout-ms N    time the upstream has to send response headers (default 30000)
  --log-level LEVEL          ${LOG_LEVELS.join(', ')} (default info); logs go to stderr
  --json                     print one line {"ready":true,"url":...} on stdout once listening
  -h, --help                 show this help

Endpoints: POST/GET/DELETE /mcp (or the --resource-url path), GET /health,
GET /.well-known/oauth-protected-resource[/mcp].

Exit status: 0 stopped by a signal, 1 invalid configuration or cannot listen, 2 bad usage.`,

    async run(argv, io) {
      const flags = parseFlags('serve', argv, {
        config: { type: 'string' },
        upstream: { type: 'string' },
        issuer: { type: 'string' },
        audience: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        'resource-url': { type: 'string' },
        'sts-endpoint': { type: 'string' },
        'jwks-uri': { type: 'string' },
        toolhive: { type: 'boolean' },
        'no-cache': { type: 'boolean' },
        'sanitize-session-name': { type: 'boolean' },
        'allowed-origin': { type: 'string', multiple: true },
        'upstream-timeout-ms': { type: 'string' },
        'log-level': { type: 'string' },
        json: { type: 'boolean' },
      });
      const json = flags.json === true;
      const configPath = requireFlag('serve', 'config', flags.config);
      const upstreamUrl = requireFlag('serve', 'upstream', flags.upstream);
      const issuer = requireFlag('serve', 'issuer', flags.issuer);
      const audience = requireFlag('serve', 'audience', flags.audience);
      const port = integerFlag('port', flags.port, 8080, 0, 65535);
      const host = flags.host ?? '127.0.0.1';
      const upstreamTimeoutMs = integerFlag(
        'upstream-timeout-ms',
        flags['upstream-timeout-ms'],
        30_000,
        1
      );
      const level = logLevel(flags['log-level']);
      const mode = flags.toolhive === true ? 'toolhive' : 'enhanced';
      if (mode === 'toolhive' && flags['sanitize-session-name'] === true) {
        throw new AwsStsError(
          'INVALID_INPUT',
          '--sanitize-session-name is an enhancement: ToolHive rejects invalid session names; drop --toolhive or --sanitize-session-name'
        );
      }
      const cache = mode === 'enhanced' && flags['no-cache'] !== true;

      const loaded = await readConfig(io, configPath);
      if (!loaded.ok) {
        const [first] = loaded.issues;
        const more =
          loaded.issues.length > 1
            ? ` (and ${loaded.issues.length - 1} more: run "validate --config ${configPath}")`
            : '';
        const where = first?.line !== undefined ? `${configPath}:${first.line}` : configPath;
        const field = first?.path ? `${first.path}: ` : '';
        const error = new AwsStsError(
          first?.code ?? 'INVALID_CONFIG',
          `${where}: ${field}${first?.message ?? 'invalid configuration'}${json ? '' : more}`
        );
        return reportError(io, error, json, { issues: loaded.issues });
      }
      for (const warning of loaded.warnings) io.stderr(`warning: ${warning}`);

      const logger = createProxyLogger({
        level,
        destination: { write: (line) => io.stderr(line) },
      });
      let proxy: Proxy;
      try {
        proxy = createProxy({
          config: loaded.config,
          upstreamUrl,
          issuer,
          audience,
          logger,
          upstreamTimeoutMs,
          mode,
          cache,
          sanitizeSessionName: flags['sanitize-session-name'] === true,
          allowedOrigins: flags['allowed-origin'] ?? [],
          ...(flags['resource-url'] !== undefined ? { resourceUrl: flags['resource-url'] } : {}),
          ...(flags['sts-endpoint'] !== undefined ? { stsEndpoint: flags['sts-endpoint'] } : {}),
          ...(flags['jwks-uri'] !== undefined ? { jwksUri: flags['jwks-uri'] } : {}),
        });
      } catch (error) {
        throw withFlagNames(error);
      }

      let address: ListeningAddress;
      try {
        address = await proxy.listen(port, host);
      } catch (error) {
        await proxy.close();
        throw listenError(withFlagNames(error), host, port);
      }
      options.onListening?.(address);
      if (json) {
        io.stdout(
          JSON.stringify({
            ready: true,
            url: address.url,
            resourceUrl: address.resourceUrl,
            proxyMode: mode,
            credentialCache: cache,
          })
        );
      } else {
        io.stdout(`awsSts proxy listening on ${address.url} -> ${upstreamUrl}`);
        io.stdout(
          `${mode === 'toolhive' ? 'ToolHive mode' : 'enhanced mode'}: region ${loaded.config.region}, service ${loaded.config.service}, credential cache ${cache ? 'on' : 'off'}; health: ${new URL('/health', address.url).href}`
        );
      }
      const signal = await waitForStop();
      await proxy.close();
      if (!json) io.stderr(`stopped (${signal})`);
      return EXIT_OK;
    },
  };
}

/** The `serve` command as registered in the CLI. */
export const serveCommand: Command = createServeCommand();

/** Resolves with the name of the first SIGINT or SIGTERM. */
function waitForSignal(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

function integerFlag(
  name: string,
  value: string | undefined,
  fallback: number,
  min: number,
  max = Number.MAX_SAFE_INTEGER
): number {
  if (value === undefined) return fallback;
  const number = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!(number >= min && number <= max)) {
    throw new AwsStsError(
      'INVALID_INPUT',
      `--${name} must be an integer between ${min} and ${max}, got ${JSON.stringify(value)}`
    );
  }
  return number;
}

function logLevel(value: string | undefined): LogLevel {
  if (value === undefined) return 'info';
  if ((LOG_LEVELS as readonly string[]).includes(value)) return value as LogLevel;
  throw new AwsStsError('INVALID_INPUT', `--log-level must be one of ${LOG_LEVELS.join(', ')}`);
}

/** Names the flag instead of the option path, e.g. `--upstream` for `upstreamUrl`. */
function withFlagNames(error: unknown): unknown {
  if (!(error instanceof AwsStsError) || error.path === undefined) return error;
  const flag = FLAG_FOR_PATH[error.path];
  if (flag === undefined) return error;
  return new AwsStsError(error.code, error.message, { path: flag });
}

function listenError(error: unknown, host: string, port: number): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') {
    return new AwsStsError(
      'INVALID_CONFIG',
      `cannot listen on ${host}:${port}: the port is in use; choose another --port`
    );
  }
  if (code === 'EADDRNOTAVAIL' || code === 'EACCES' || code === 'ENOTFOUND') {
    return new AwsStsError(
      'INVALID_CONFIG',
      `cannot listen on ${host}:${port}: ${code}; check --host and --port`
    );
  }
  return error;
}
