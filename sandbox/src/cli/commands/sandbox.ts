// `sandbox`: runs the local replica (IdP, STS, IAM and AWS MCP Server emulators behind the proxy)
// until SIGINT/SIGTERM, or with --aws only the proxy against AWS. The replica module does the work.

import { isAbsolute, resolve } from 'node:path';
import type { AwsStsConfig } from '../../config';
import { AwsStsError } from '../../errors';
import { createProxyLogger } from '../../proxy';
import { DEFAULT_BASE_PORT, MAX_BASE_PORT } from '../../replica/ports';
import { reportError } from '../output';
import { parseFlags } from '../parseFlags';
import { readConfig } from '../readInputs';
import { EXIT_OK, type Command } from '../types';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
type LogLevel = (typeof LOG_LEVELS)[number];

/** Milliseconds the process may take to exit after everything was closed. */
const EXIT_GRACE_MS = 3000;

export interface SandboxCommandOptions {
  /** Resolves (with the signal's name) when the sandbox should stop. Default: SIGINT or SIGTERM. */
  waitForStop?: () => Promise<string>;
}

const USAGE = `Usage: sandbox [--port BASE] [--config FILE] [--enhanced] [--json] [flags]
       sandbox --aws --config FILE --issuer URL --audience AUD [--port N] [--json]

Runs the whole AWS STS flow on 127.0.0.1 with no AWS account and no configuration: a local OIDC
provider (demo users alice, bob, carol), STS, IAM and AWS MCP Server emulators on one emulated
account, and the awsSts proxy in front. The account is set up through the IAM emulator with the
tutorial's own files (DefaultMCPRole as fallback, S3ReadOnlyMCPRole for s3-readers). Prints the
URLs, the demo users and commands to try, then runs until Ctrl-C (SIGINT) or SIGTERM.

By default the proxy behaves as ToolHive does on the wire: STS on every request, ToolHive's
status codes and bodies for every failure, invalid session names refused. --enhanced switches on
this project's improvements instead: a credential cache, error bodies that say why, Retry-After,
a challenge on every 401, 403/502/503 where they fit.

Ports (fixed, so the docs and the site can rely on them):
  proxy ${DEFAULT_BASE_PORT} (MCP endpoint /mcp), OIDC provider ${DEFAULT_BASE_PORT + 1}, STS emulator ${DEFAULT_BASE_PORT + 2},
  IAM emulator ${DEFAULT_BASE_PORT + 3}, AWS MCP Server emulator ${DEFAULT_BASE_PORT + 4}

Flags:
  --port BASE                proxy on BASE, the other services on BASE+1 to BASE+4 (default
                             ${DEFAULT_BASE_PORT}); 0 picks a free port for each
  --config FILE              run your own MCPExternalAuthConfig (YAML, or a bare awsSts object)
                             instead of the tutorial's. Every role it references is created in the
                             emulated account (the account ID of its ARNs) with the tutorial's
                             trust policy; DefaultMCPRole and S3ReadOnlyMCPRole keep the tutorial's
                             permissions, any other fallback role gets the default preset
                             (no AWS permissions) and any other mapped role s3-read-only
  --audience AUD             the tokens' aud (default toolhive-aws)
  --restrict-subject SUB     allow only these sub values in the trust policies (the tutorial's
                             stricter variant); repeatable; not with --config
  --allowed-origin ORIGIN    browser origin allowed besides http://127.0.0.1:3000 and
                             http://localhost:3000 (CORS on the proxy and the STS emulator);
                             repeatable
  --enhanced                 the proxy's improvements over ToolHive (credential cache, explanatory
                             errors, Retry-After); without it, ToolHive's behavior
  --no-cache                 with --enhanced: call STS on every request, as ToolHive does (the
                             ToolHive mode never caches)
  --throttle                 the AWS MCP Server emulator throttles at AWS's documented quota, 3
                             requests per second per account and Region (429, Retry-After); off
                             by default, so that interactive sessions are never refused
  --aws                      no emulators: run only the proxy, against real AWS STS and the real
                             AWS MCP Server (https://aws-mcp.<region>.api.aws/mcp, region from
                             --config). This talks to AWS. Needs --config, --issuer, --audience
  --issuer URL               with --aws: your IdP's issuer, exactly as tokens carry it in iss
  --log-level LEVEL          ${LOG_LEVELS.join(', ')} (default info); logs go to stderr
  --json                     print one line {"ready":true,"proxyUrl":...} on stdout when ready;
                             logs are JSON lines on stderr
  -h, --help                 show this help

Get a token for a demo user: npm run --silent cli -- token --issuer http://127.0.0.1:${DEFAULT_BASE_PORT + 1} --user alice

Exit status: 0 stopped by a signal, 1 a port in use or an invalid configuration, 2 bad usage.`;

/**
 * The `sandbox` command; `waitForStop` is injectable so tests can stop it without signals.
 * @example const command = createSandboxCommand({ waitForStop: () => stopped });
 */
export function createSandboxCommand(options: SandboxCommandOptions = {}): Command {
  const waitForStop = options.waitForStop ?? waitForSignal;
  const bySignal = options.waitForStop === undefined;
  return {
    name: 'sandbox',
    summary: 'Run the local replica: IdP, STS, IAM and AWS MCP Server emulators behind the proxy',
    usage: USAGE,
    async run(argv, io) {
      const flags = parseFlags('sandbox', argv, {
        port: { type: 'string' },
        config: { type: 'string' },
        audience: { type: 'string' },
        'restrict-subject': { type: 'string', multiple: true },
        'allowed-origin': { type: 'string', multiple: true },
        enhanced: { type: 'boolean' },
        'no-cache': { type: 'boolean' },
        throttle: { type: 'boolean' },
        aws: { type: 'boolean' },
        issuer: { type: 'string' },
        'log-level': { type: 'string' },
        json: { type: 'boolean' },
      });
      const json = flags.json === true;
      const port = basePort(flags.port);
      const level = logLevel(flags['log-level']);
      const aws = flags.aws === true;
      checkCombinations(flags, aws);
      const mode = flags.enhanced === true ? 'enhanced' : 'toolhive';
      // --no-cache matters only where there is a cache: the ToolHive mode has none.
      const cache = mode === 'enhanced' ? { cache: flags['no-cache'] !== true } : {};

      let config: AwsStsConfig | undefined;
      if (flags.config !== undefined) {
        const path = userPath(flags.config);
        const loaded = await readConfig(io, path);
        if (!loaded.ok) {
          const [first] = loaded.issues;
          const where = first?.line !== undefined ? `${flags.config}:${first.line}` : flags.config;
          const error = new AwsStsError(
            first?.code ?? 'INVALID_CONFIG',
            `${where}: ${first?.path ? `${first.path}: ` : ''}${first?.message ?? 'invalid configuration'}`
          );
          return reportError(io, error, json, { issues: loaded.issues });
        }
        for (const warning of loaded.warnings) io.stderr(`warning: ${warning}`);
        config = loaded.config;
      }

      const allowedOrigins = flags['allowed-origin'] ?? [];
      // Loaded here, not at CLI start: the emulators pull in oidc-provider and the AWS SDKs.
      const {
        awsReadyMessage,
        awsWarning,
        formatProxyLogLine,
        formatStsDecision,
        readyMessage,
        renderAwsBanner,
        renderBanner,
        startAwsProxy,
        startReplica,
      } = await import('../../replica');
      const logger = createProxyLogger({
        level,
        destination: {
          write: (line: string) => io.stderr(json ? line : formatProxyLogLine(line)),
        },
      });

      let close: () => Promise<void>;
      if (aws) {
        const issuer = flags.issuer ?? '';
        const audience = flags.audience ?? '';
        if (config === undefined) throw usage('--aws needs --config');
        io.stderr(awsWarning(config.region));
        const proxy = await startAwsProxy({
          config,
          issuer,
          audience,
          port,
          allowedOrigins,
          logger,
          mode,
          ...cache,
        });
        close = proxy.close;
        io.stdout(
          json
            ? JSON.stringify(awsReadyMessage(proxy, issuer, audience))
            : renderAwsBanner(proxy, config, issuer, audience)
        );
      } else {
        const showSts = level !== 'silent' && level !== 'fatal' && level !== 'error';
        const replica = await startReplica({
          port,
          allowedOrigins,
          logger,
          mode,
          ...cache,
          ...(flags.throttle === true ? { throttle: {} } : {}),
          ...(config !== undefined ? { config } : {}),
          ...(flags.audience !== undefined ? { audience: flags.audience } : {}),
          ...(flags['restrict-subject'] ? { restrictSubjects: flags['restrict-subject'] } : {}),
          ...(showSts
            ? {
                onStsDecision: (explanation) =>
                  io.stderr(
                    json
                      ? JSON.stringify({ sts: explanation.outcome, ...summary(explanation) })
                      : formatStsDecision(explanation)
                  ),
              }
            : {}),
        });
        close = replica.close;
        io.stdout(json ? JSON.stringify(readyMessage(replica)) : renderBanner(replica));
      }

      const signal = await waitForStop();
      if (!json) io.stderr(`stopping (${signal})…`);
      await close();
      if (!json) io.stderr('stopped');
      // A stray handle must not keep a sandbox stopped by a signal alive.
      if (bySignal) setTimeout(() => process.exit(EXIT_OK), EXIT_GRACE_MS).unref();
      return EXIT_OK;
    },
  };
}

/** The `sandbox` command as registered in the CLI. */
export const sandboxCommand: Command = createSandboxCommand();

/** The log-safe fields of an STS decision (no token, no credentials). */
function summary(explanation: {
  step: string;
  detail: string;
  roleArn?: string;
  sessionName?: string;
}): Record<string, string> {
  return {
    step: explanation.step,
    detail: explanation.detail,
    ...(explanation.roleArn ? { roleArn: explanation.roleArn } : {}),
    ...(explanation.sessionName ? { sessionName: explanation.sessionName } : {}),
  };
}

function checkCombinations(
  flags: {
    aws?: boolean;
    issuer?: string;
    audience?: string;
    config?: string;
    'restrict-subject'?: string[];
    throttle?: boolean;
  },
  aws: boolean
): void {
  if (aws) {
    const missing = (['config', 'issuer', 'audience'] as const).filter((name) => !flags[name]);
    if (missing.length > 0) {
      throw usage(`--aws needs ${missing.map((name) => `--${name}`).join(', ')}`);
    }
    if (flags['restrict-subject'])
      throw usage('--restrict-subject applies to the emulated account, not --aws');
    if (flags.throttle) throw usage('--throttle applies to the AWS MCP Server emulator, not --aws');
    return;
  }
  if (flags.issuer !== undefined) {
    throw usage('--issuer is for --aws only: the sandbox runs its own OIDC provider');
  }
  if (flags['restrict-subject'] && flags.config !== undefined) {
    throw usage(
      '--restrict-subject changes the tutorial trust policies; with --config, edit your file instead'
    );
  }
}

function usage(message: string): AwsStsError {
  return new AwsStsError('INVALID_INPUT', `${message}; run "sandbox --help" for usage`);
}

function basePort(value: string | undefined): number {
  if (value === undefined) return DEFAULT_BASE_PORT;
  const number = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!(number >= 0 && number <= MAX_BASE_PORT)) {
    throw usage(
      `--port must be 0 (free ports) or an integer up to ${MAX_BASE_PORT}, got ${JSON.stringify(value)}`
    );
  }
  return number;
}

function logLevel(value: string | undefined): LogLevel {
  if (value === undefined) return 'info';
  if ((LOG_LEVELS as readonly string[]).includes(value)) return value as LogLevel;
  throw usage(`--log-level must be one of ${LOG_LEVELS.join(', ')}`);
}

/**
 * A path as the user typed it: npm runs scripts from the repository root, so relative paths given
 * to `npm run sandbox` or `npm start` are resolved from where npm was started (INIT_CWD).
 */
function userPath(path: string): string {
  const event = process.env.npm_lifecycle_event;
  const base = event === 'sandbox' || event === 'start' ? process.env.INIT_CWD : undefined;
  return base !== undefined && !isAbsolute(path) ? resolve(base, path) : path;
}

/** Resolves with the name of the first SIGINT or SIGTERM; a second one exits at once. */
function waitForSignal(): Promise<string> {
  return new Promise((resolveSignal) => {
    const stop = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      const force = (): void => process.exit(1);
      process.once('SIGINT', force);
      process.once('SIGTERM', force);
      resolveSignal(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
