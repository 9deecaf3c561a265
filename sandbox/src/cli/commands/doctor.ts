// `doctor`: finds which link of a real setup is broken (configuration, token, IdP keys, IAM
// provider, roles and policies, STS, the proxy), one line per link. Node edge of the doctor core:
// it reads the files, builds the online clients from the flags and prints the report.

import { loadAwsStsConfig } from '../../config';
import { diagnose, formatReport, LINKS, type DoctorOptions } from '../../doctor';
import { AwsStsError } from '../../errors';
import { createIamReader, exchangeWithSts } from '../doctorClients';
import { printJson } from '../output';
import { parseFlags, requireFlag } from '../parseFlags';
import { EXIT_FAILURE, EXIT_OK, type CliIo, type Command } from '../types';

export const doctorCommand: Command = {
  name: 'doctor',
  summary: 'Find the broken link of a real setup: config, token, IdP keys, IAM, STS, proxy',
  usage: `Usage: doctor --config FILE --token FILE|- [--aws] [--exchange] [--proxy URL] [--json]
              [--iam-endpoint URL] [--sts-endpoint URL] [--region R] [--verbose]

Follows one user's request through every link a ToolHive awsSts setup has, in the order the
request crosses them, and prints one line per link: ✓ fine, ✗ broken (with the fix: a command or
the field to change), – not checked (and why).

  ${LINKS.join(' → ')}

Always (offline): the configuration through every ToolHive validation layer; the token's shape,
alg, kid, exp/nbf/iat and its iss/aud against the MCPOIDCConfig and MCPRemoteProxy; the role it
maps to and why (with the mapping that came closest when it lands on the fallback role); the
session name and ToolHive's verdict on it. Online by default: the issuer's discovery document
and JWKS (the token's kid, key type, signature, clock skew from the issuer's Date header).

Flags:
  --config FILE        the MCPExternalAuthConfig YAML (as "kubectl get -o yaml" prints it), with
                       the MCPRemoteProxy and MCPOIDCConfig as further documents if you have them
                       (their issuer and audience are then checked too), or a bare awsSts object
  --token FILE|-       a user's access token, from a file or - for standard input. Never pass the
                       token itself: it would stay in shell history and process lists. Output
                       names it only by the first 8 hex digits of its SHA-256
  --aws                read IAM with your AWS credentials (environment, AWS_PROFILE, SSO, ...):
                       the OIDC provider for the token's issuer (URL character for character,
                       aud among its client IDs), each role the configuration names (exists,
                       MaxSessionDuration), the token role's trust policy evaluated for this
                       token, and whether the roles' permission policies work through the AWS
                       MCP Server (aws:ViaAWSMCPService) and only through it. Read-only calls:
                       ListOpenIDConnectProviders, GetOpenIDConnectProvider, GetRole,
                       ListRolePolicies, GetRolePolicy, ListAttachedRolePolicies, GetPolicy,
                       GetPolicyVersion
  --exchange           also make the real AssumeRoleWithWebIdentity call with the token and name
                       STS's answer (no AWS credentials needed; the credentials are not shown)
  --proxy URL          the proxy's MCP endpoint (e.g. https://mcp.example.com/mcp): its 401
                       challenge without a token and its protected-resource metadata. The token
                       is not sent to it
  --iam-endpoint URL   IAM endpoint (the sandbox's IAM emulator, e.g. http://127.0.0.1:4103)
  --sts-endpoint URL   STS endpoint (default https://sts.<awsSts.region>.amazonaws.com, as
                       ToolHive; the sandbox's is http://127.0.0.1:4102)
  --region R           the Region of the STS endpoint (default: from its host name, else
                       awsSts.region); a Region other than awsSts.region fails the sts link
  --offline            no network at all: only the offline checks
  --verbose            print the details of every link (the role-mapping trace, each role)
  --json               print {"ok": boolean, "checks": [{"link", "status", "message", "fix"?,
                       "details"?}]} with status pass, fail or skip
  -h, --help           show this help

Against the sandbox (npm run sandbox), with dummy AWS credentials for its IAM emulator:

  npm run --silent cli -- token --user alice > alice.jwt
  AWS_ACCESS_KEY_ID=AKIASANDBOXEXAMPLE AWS_SECRET_ACCESS_KEY=x npm run cli -- doctor \\
    --config config.yaml --token alice.jwt --aws --iam-endpoint http://127.0.0.1:4103 \\
    --exchange --sts-endpoint http://127.0.0.1:4102 --proxy http://127.0.0.1:4100/mcp

Relative paths are resolved from the current directory, or from the repository root when run
through "npm run cli" (npm changes directory before running the script).

Exit status: 0 no link failed, 1 a link failed, 2 bad usage or unreadable file.`,

  async run(argv, io) {
    const flags = parseFlags('doctor', argv, {
      config: { type: 'string' },
      token: { type: 'string' },
      aws: { type: 'boolean' },
      exchange: { type: 'boolean' },
      proxy: { type: 'string' },
      'iam-endpoint': { type: 'string' },
      'sts-endpoint': { type: 'string' },
      region: { type: 'string' },
      offline: { type: 'boolean' },
      verbose: { type: 'boolean' },
      json: { type: 'boolean' },
    });
    const configPath = requireFlag('doctor', 'config', flags.config);
    const tokenSource = requireFlag('doctor', 'token', flags.token);
    checkUsage(flags, configPath, tokenSource);
    const token = await readTokenSource(io, tokenSource);
    const configText = configPath === '-' ? await io.readStdin() : await io.readFile(configPath);

    const online = flags.offline !== true;
    const loaded = loadAwsStsConfig(configText);
    const configRegion = loaded.ok ? loaded.config.region : undefined;
    const iam =
      flags.aws === true
        ? createIamReader({
            region: flags.region ?? configRegion ?? 'us-east-1',
            ...(flags['iam-endpoint'] !== undefined ? { endpoint: flags['iam-endpoint'] } : {}),
          })
        : undefined;
    const options: DoctorOptions = {
      ...(online ? { fetch: globalThis.fetch } : {}),
      ...(flags.proxy !== undefined ? { proxyUrl: flags.proxy } : {}),
      ...(iam ? { iam: iam.reader } : {}),
      ...(online
        ? {
            sts: {
              ...(flags['sts-endpoint'] !== undefined ? { endpoint: flags['sts-endpoint'] } : {}),
              ...(flags.region !== undefined ? { region: flags.region } : {}),
              ...(flags.exchange === true ? { exchange: exchangeWithSts } : {}),
            },
          }
        : {}),
    };
    let report;
    try {
      report = await diagnose({ token, config: configText }, options);
    } finally {
      iam?.close();
    }
    // Belt and braces: no check ever quotes the token, and if one did, it would not get out.
    const scrub = (text: string) => text.split(token).join('[token]');
    if (flags.json === true) printJson({ ...io, stdout: (text) => io.stdout(scrub(text)) }, report);
    else io.stdout(scrub(formatReport(report, { verbose: flags.verbose === true })));
    return report.ok ? EXIT_OK : EXIT_FAILURE;
  },
};

function checkUsage(
  flags: {
    aws?: boolean | undefined;
    exchange?: boolean | undefined;
    offline?: boolean | undefined;
    proxy?: string | undefined;
    'iam-endpoint'?: string | undefined;
    'sts-endpoint'?: string | undefined;
    region?: string | undefined;
  },
  configPath: string,
  tokenSource: string
): void {
  const usage = (message: string) =>
    new AwsStsError('INVALID_INPUT', `${message}; run "doctor --help" for usage`);
  if (looksLikeToken(tokenSource)) {
    throw usage(
      '--token takes a file or - (standard input), never the token itself: a token on the command line stays in shell history and process lists. Write it to a file or pipe it'
    );
  }
  if (configPath === '-' && tokenSource === '-') {
    throw usage('only one of --config and --token can read standard input');
  }
  if (flags['iam-endpoint'] !== undefined && flags.aws !== true) {
    throw usage('--iam-endpoint needs --aws');
  }
  if (flags.offline === true) {
    const online = (['aws', 'exchange', 'proxy', 'iam-endpoint', 'sts-endpoint'] as const).filter(
      (name) => flags[name] !== undefined && flags[name] !== false
    );
    if (online.length > 0) {
      throw usage(`--offline cannot be combined with ${online.map((n) => `--${n}`).join(', ')}`);
    }
  }
  for (const name of ['proxy', 'iam-endpoint', 'sts-endpoint'] as const) {
    const value = flags[name];
    if (value !== undefined && !/^https?:\/\/[^\s]+$/i.test(value)) {
      throw usage(`--${name} must be an http(s) URL, got ${JSON.stringify(value)}`);
    }
  }
  if (flags.region !== undefined && !/^[a-z]{2}(-[a-z]+)+-\d+$/.test(flags.region)) {
    throw usage(
      `--region must be an AWS Region such as us-east-1, got ${JSON.stringify(flags.region)}`
    );
  }
}

/** A compact JWS passed where a file name belongs. */
function looksLikeToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]*$/.test(value);
}

async function readTokenSource(io: CliIo, source: string): Promise<string> {
  const text = source === '-' ? await io.readStdin() : await io.readFile(source);
  const token = text.trim();
  if (token === '') {
    const where = source === '-' ? 'standard input' : source;
    throw new AwsStsError(
      'INVALID_INPUT',
      `--token: ${where} is empty; it must hold the access token`
    );
  }
  return token;
}
