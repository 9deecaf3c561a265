// Microbenchmarks of the awsSts work one request adds, step by step (JWT verification, role
// selection, session name, cache hit, SigV4), in this process. It starts no HTTP load.

import { performance } from 'node:perf_hooks';
import { createTokenVerifier, verifiedTokenKey } from '../sandbox/src/auth';
import type { JWTPayload } from 'jose';
import { loadAwsStsConfig } from '../sandbox/src/config';
import { STS_ALGORITHMS } from '../sandbox/src/sts';
import { TEST_AUDIENCE, TEST_CONFIG } from '../sandbox/test/support/proxyHarness';
import { compileRoleMapper, selectRole } from '../sandbox/src/roles';
import { extractSessionName } from '../sandbox/src/session';
import { signUpstream } from '../sandbox/src/proxy/nodeSigner';
import { signForUpstream } from '../sandbox/src/signing';
import {
  createCredentialCache,
  createStsClient,
  exchangeToken,
  StsCredentials,
} from '../sandbox/src/sts';
import { TOOLS_CALL_BODY } from './load';

export interface MicroResult {
  name: string;
  ops: number;
  opsPerSecond: number;
  microsecondsPerOp: number;
  /** CPU time of this process per operation (all threads: WebCrypto runs on libuv's pool). */
  cpuMicrosecondsPerOp: number;
}

export interface MicroOptions {
  issuer: string;
  /** The STS emulator, for the cost of one AssumeRoleWithWebIdentity call on the proxy's side. */
  stsEndpoint: string;
  /** Tokens of several users, rotated per operation. */
  tokens: readonly string[];
  /** Time spent measuring each operation (after its warm-up). */
  budgetMs: number;
}

/** Upper bound on operations per measurement, whatever the budget. */
const MAX_OPS = 500_000;
const WARMUP_OPS = 300;

/**
 * Measures each step for `budgetMs` after a warm-up and returns ops/s and µs/op.
 * @example const results = await runMicrobenchmarks({ issuer, tokens, budgetMs: 1000 });
 */
export async function runMicrobenchmarks(options: MicroOptions): Promise<MicroResult[]> {
  const loaded = loadAwsStsConfig(TEST_CONFIG);
  if (!loaded.ok) throw new Error('benchmark config is invalid');
  const config = loaded.config;
  const mapper = compileRoleMapper(config);
  const verifierOptions = {
    issuer: options.issuer,
    audience: TEST_AUDIENCE,
    algorithms: STS_ALGORITHMS,
  };
  const verifier = createTokenVerifier(verifierOptions);
  // As the proxy builds it with its cache on: the same token again skips the signature check.
  const cachingVerifier = createTokenVerifier({ ...verifierOptions, cache: {} });
  const { tokens } = options;
  const claims: JWTPayload[] = [];
  for (const token of tokens) claims.push((await cachingVerifier.verify(token)).claims);
  const credentials = new StsCredentials({
    accessKeyId: 'ASIABENCHEXAMPLE0001',
    secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    sessionToken: `IQoJb3JpZ2luX2Vj${'A'.repeat(600)}`,
    expiration: new Date(Date.now() + 3_600_000),
  });
  const cache = createCredentialCache({
    exchange: async () => credentials,
    hashToken: verifiedTokenKey,
  });
  const roleArns = claims.map((c) => selectRole(mapper, c).roleArn);
  const tokenExp = Math.floor(Date.now() / 1000) + 3600;
  const cacheRequest = (i: number) => ({
    token: tokens[i % tokens.length] ?? '',
    tokenExp,
    roleArn: roleArns[i % roleArns.length] ?? '',
    sessionName: `user-${i % tokens.length}`,
    region: config.region,
  });
  for (let i = 0; i < tokens.length; i++) await cache.getCredentials(cacheRequest(i));
  const body = new TextEncoder().encode(TOOLS_CALL_BODY);
  const headers = {
    'content-type': 'application/json',
    accept: 'application/json, text/event-stream',
    'content-length': String(body.byteLength),
    'x-request-id': '6f1c2c8e-3c1b-4a55-9a8e-0c1d2e3f4a5b',
    'user-agent': 'autocannon',
  };
  const url = new URL('https://aws-mcp.us-east-1.api.aws/mcp');
  const sign = () =>
    signForUpstream({ method: 'POST', url, headers, body }, credentials, {
      region: config.region,
      service: config.service,
    });

  const stsClient = createStsClient({ region: config.region, endpoint: options.stsEndpoint });
  const steps: [string, (i: number) => unknown][] = [
    ['verify (jose jwtVerify, RS256)', (i) => verifier.verify(tokens[i % tokens.length] ?? '')],
    [
      'verify, token seen before (cache)',
      (i) => cachingVerifier.verify(tokens[i % tokens.length] ?? ''),
    ],
    [
      'selectRole (claim + CEL matcher)',
      (i) => selectRole(mapper, claims[i % claims.length] ?? {}),
    ],
    [
      'extractSessionName',
      (i) => extractSessionName(claims[i % claims.length] ?? {}, config.sessionNameClaim),
    ],
    ['credential cache hit', (i) => cache.getCredentials(cacheRequest(i))],
    ['signForUpstream (SigV4, @smithy/signature-v4)', () => sign()],
    [
      'signUpstream (SigV4, lean, node:crypto)',
      () =>
        signUpstream({ method: 'POST', url, headers, body }, credentials, {
          region: config.region,
          service: config.service,
        }),
    ],
    [
      'exchangeToken (one STS call, proxy side)',
      (i) =>
        exchangeToken({
          token: tokens[i % tokens.length] ?? '',
          roleArn: roleArns[i % roleArns.length] ?? '',
          sessionName: `user-${i % tokens.length}`,
          durationSeconds: config.sessionDuration,
          region: config.region,
          client: stsClient,
        }),
    ],
    [
      'per request, token seen before',
      async (i) => {
        const token = tokens[i % tokens.length] ?? '';
        const verified = await cachingVerifier.verify(token);
        const role = selectRole(mapper, verified.claims);
        const session = extractSessionName(verified.claims, config.sessionNameClaim);
        const creds = await cache.getCredentials({
          token,
          tokenExp: Math.floor(verified.expiresAt.getTime() / 1000),
          roleArn: role.roleArn,
          sessionName: session.sessionName,
          region: config.region,
        });
        return signUpstream({ method: 'POST', url, headers, body }, creds, {
          region: config.region,
          service: config.service,
        });
      },
    ],
  ];
  const results: MicroResult[] = [];
  try {
    for (const [name, step] of steps) results.push(await measure(name, step, options.budgetMs));
  } finally {
    verifier.close();
    cachingVerifier.close();
    stsClient.destroy();
  }
  return results;
}

async function measure(
  name: string,
  step: (i: number) => unknown,
  budgetMs: number
): Promise<MicroResult> {
  const warmUntil = performance.now() + budgetMs / 2;
  for (let i = 0; i < WARMUP_OPS && performance.now() < warmUntil; i++) await step(i);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const deadline = started + budgetMs;
  let ops = 0;
  // Checking the clock every 64 operations keeps its cost out of the figure.
  while (ops < MAX_OPS && (ops % 64 !== 0 || performance.now() < deadline)) {
    await step(ops);
    ops++;
  }
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return {
    name,
    ops,
    opsPerSecond: Math.round(ops / seconds),
    microsecondsPerOp: Math.round((seconds * 1e6 * 10) / ops) / 10,
    cpuMicrosecondsPerOp: Math.round(((used.user + used.system) * 10) / ops) / 10,
  };
}
