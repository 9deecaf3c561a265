// Test and benchmark support: real loopback servers around the proxy (OIDC issuer, an STS stub
// answering with the STS emulator's XML, an upstream that verifies SigV4). Tests and the bench only.

import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JWTPayload } from 'jose';
import type { Logger } from 'pino';
import { generateExternalAuthConfig, toYaml, TUTORIAL_VALUES } from '../../src/policy';
import { createProxy } from '../../src/proxy/createProxy';
import type { Proxy } from '../../src/proxy/createProxy';
import { createProxyLogger } from '../../src/proxy/logger';
import type { ProxyOptions } from '../../src/proxy/options';
import { verifySigV4 } from '../../src/signing';
import type { SigV4VerifyResult, SigningSecret } from '../../src/signing';
import { AUDIENCE, valuesTrusting } from './accounts';
import { assumeRoleWithWebIdentityResponse } from './stsResponses';
import { startTestIssuer } from './testIssuer';
import type { TestIssuer } from './testIssuer';

export const TEST_REGION = 'us-east-1';
export const TEST_AUDIENCE = AUDIENCE;
export const roleArn = (name: string): string => `arn:aws:iam::123456789012:role/${name}`;

/**
 * The harness's awsSts configuration as a file holds it, generated from the roles of
 * `accountTrusting` (HARNESS_ROLES: a claim and a CEL matcher mapping, no fallback role), region
 * us-east-1, 900-second sessions.
 */
export const TEST_CONFIG = `${toYaml(generateExternalAuthConfig(valuesTrusting(TUTORIAL_VALUES.issuer)))}\n`;

/** One AssumeRoleWithWebIdentity call as the stub received it. */
export interface StsCall {
  roleArn: string;
  roleSessionName: string;
  webIdentityToken: string;
  durationSeconds: number;
  authorization: string | undefined;
}

export interface StsStub {
  /** The endpoint to give the proxy (`http://127.0.0.1:<port>/`). */
  endpoint: string;
  calls: StsCall[];
  /** Answers a call instead of issuing credentials (errors, throttling); undefined = issue. */
  respond: ((call: StsCall) => Response | Promise<Response> | undefined) | undefined;
  /** Holds answers until released (for tests of concurrent misses). */
  gate: Promise<void> | undefined;
  /** Every credential set issued so far, by access key id. */
  issued: Map<string, SigningSecret & { accessKeyId: string }>;
  lookup(accessKeyId: string): SigningSecret | undefined;
  close(): Promise<void>;
}

/**
 * Starts an STS stub on 127.0.0.1:0 that issues fresh credentials per call, in STS's XML.
 * @example const sts = await startStsStub(); sts.respond = () => stsErrorResponse('AccessDenied', 403, 'no');
 */
export async function startStsStub(): Promise<StsStub> {
  let serial = 0;
  const stub: StsStub = {
    endpoint: '',
    calls: [],
    respond: undefined,
    gate: undefined,
    issued: new Map(),
    lookup: (id) => stub.issued.get(id),
    close: () => closeServer(server),
  };
  const server = createServer((req, res) => {
    void (async () => {
      const params = new URLSearchParams((await readAll(req)).toString('utf8'));
      const call: StsCall = {
        roleArn: params.get('RoleArn') ?? '',
        roleSessionName: params.get('RoleSessionName') ?? '',
        webIdentityToken: params.get('WebIdentityToken') ?? '',
        durationSeconds: Number(params.get('DurationSeconds') ?? '3600'),
        authorization: req.headers.authorization,
      };
      stub.calls.push(call);
      if (stub.gate) await stub.gate;
      const scripted = await stub.respond?.(call);
      if (scripted) return writeResponse(res, scripted);
      serial += 1;
      const accessKeyId = `ASIASTUB${String(serial).padStart(8, '0')}`;
      const secretAccessKey = randomBytes(30).toString('base64');
      const sessionToken = `IQoJb3JpZ2luX2Vj${randomBytes(48).toString('base64')}`;
      stub.issued.set(accessKeyId, { accessKeyId, secretAccessKey, sessionToken });
      const name = call.roleArn.split('/').pop() ?? 'role';
      await writeResponse(
        res,
        assumeRoleWithWebIdentityResponse({
          accessKeyId,
          secretAccessKey,
          sessionToken,
          expiration: new Date(Date.now() + call.durationSeconds * 1000),
          assumedRoleArn: `arn:aws:sts::123456789012:assumed-role/${name}/${call.roleSessionName}`,
          subject: call.roleSessionName,
        })
      );
    })();
  });
  stub.endpoint = `${await listen(server)}/`;
  return stub;
}

/** One request as the upstream received it, with the outcome of checking its signature. */
export interface UpstreamRequestSeen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  rawHeaderNames: string[];
  body: Buffer;
  signature: SigV4VerifyResult;
}

export type UpstreamHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  seen: UpstreamRequestSeen
) => void | Promise<void>;

export interface SigningUpstream {
  /** Origin, e.g. `http://127.0.0.1:1234`. */
  origin: string;
  received: UpstreamRequestSeen[];
  /** Answers verified requests; default: 200 JSON describing the request. */
  handler: UpstreamHandler;
  close(): Promise<void>;
}

/**
 * Starts an upstream that verifies every request's SigV4 signature (service, region, session
 * token) against credentials the STS stub issued, then passes it to `handler`; 403 otherwise.
 * @example const upstream = await startSigningUpstream(sts); upstream.handler = (req, res) => res.end();
 */
export async function startSigningUpstream(
  sts: Pick<StsStub, 'lookup'>,
  options: { region?: string; service?: string } = {}
): Promise<SigningUpstream> {
  const upstream: SigningUpstream = {
    origin: '',
    received: [],
    handler: (req, res, seen) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ method: req.method, url: req.url, bytes: seen.body.byteLength }));
    },
    close: () => closeServer(server),
  };
  const server = createServer((req, res) => {
    void (async () => {
      const body = await readAll(req);
      const signature = await verifySigV4(
        { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body },
        (id) => sts.lookup(id),
        {
          service: options.service ?? 'aws-mcp',
          region: options.region ?? TEST_REGION,
          now: new Date(),
        }
      );
      const seen: UpstreamRequestSeen = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        rawHeaderNames: req.rawHeaders.filter((_, i) => i % 2 === 0).map((n) => n.toLowerCase()),
        body,
        signature,
      };
      upstream.received.push(seen);
      if (!signature.ok) {
        res.writeHead(403, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: signature.message, code: signature.code }));
        return;
      }
      await upstream.handler(req, res, seen);
    })();
  });
  upstream.origin = await listen(server);
  return upstream;
}

export interface Harness {
  issuer: TestIssuer;
  sts: StsStub;
  upstream: SigningUpstream;
  proxy: Proxy;
  /** The proxy's MCP endpoint. */
  url: string;
  /** A token from the test issuer: sub alice, groups [s3-readers], 1 h, aud toolhive-aws. */
  token(claims?: JWTPayload, header?: Record<string, unknown>): Promise<string>;
  /** A proxy with other options on the same issuer, STS stub and upstream (closed with the rest). */
  extraProxy(options: Partial<ProxyOptions>): Promise<{ proxy: Proxy; url: string }>;
  close(): Promise<void>;
}

/**
 * Starts issuer, STS stub, upstream and a proxy between them (logs silent unless given).
 * @example const h = await startHarness(); const res = await fetch(h.url, { method: 'POST', headers: { authorization: `Bearer ${await h.token()}` } });
 */
export async function startHarness(overrides: Partial<ProxyOptions> = {}): Promise<Harness> {
  const issuer = await startTestIssuer({ issuerPath: '/oauth2/default' });
  await issuer.addKey('k1', { alg: 'RS256' });
  const sts = await startStsStub();
  const upstream = await startSigningUpstream(sts);
  const proxies: Proxy[] = [];
  const logger: Logger = createProxyLogger({ level: 'silent' });
  const start = async (options: Partial<ProxyOptions>): Promise<{ proxy: Proxy; url: string }> => {
    const proxy = createProxy({
      config: TEST_CONFIG,
      upstreamUrl: `${upstream.origin}/mcp`,
      issuer: issuer.issuer,
      audience: TEST_AUDIENCE,
      stsEndpoint: sts.endpoint,
      stsMaxAttempts: 1,
      logger,
      ...overrides,
      ...options,
    });
    proxies.push(proxy);
    const { url } = await proxy.listen(0, '127.0.0.1');
    return { proxy, url };
  };
  const { proxy, url } = await start({});
  return {
    issuer,
    sts,
    upstream,
    proxy,
    url,
    extraProxy: start,
    token(claims = {}, header = {}) {
      const now = Math.floor(Date.now() / 1000);
      return issuer.sign(
        {
          iss: issuer.issuer,
          aud: TEST_AUDIENCE,
          sub: 'alice',
          groups: ['s3-readers'],
          iat: now,
          exp: now + 3600,
          ...claims,
        },
        'k1',
        header
      );
    },
    async close() {
      await Promise.all(proxies.map((p) => p.close()));
      await Promise.all([issuer.close(), sts.close(), upstream.close()]);
    },
  };
}

/** Reads a whole request or response body. */
export async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

async function writeResponse(res: ServerResponse, response: Response): Promise<void> {
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
