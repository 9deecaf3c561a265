import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Sha256 } from '@smithy/core/checksum';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { signForUpstream } from './signer';
import { verifySigV4 } from './verifier';
import type { ReceivedRequest, SigningSecret, VerifySigV4Options } from './verifier';

const NOW = new Date('2030-01-01T00:00:00Z');
const CREDS = {
  accessKeyId: 'ASIAEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY',
  sessionToken: 'session-token-1',
};
const SECRETS: Record<string, SigningSecret> = {
  ASIAEXAMPLE: { secretAccessKey: CREDS.secretAccessKey, sessionToken: CREDS.sessionToken },
  AKIALONGTERM: { secretAccessKey: 'long-term-secret' },
};
const lookup = (id: string): SigningSecret | undefined => SECRETS[id];
const OPTIONS: VerifySigV4Options = { service: 'aws-mcp', region: 'us-east-1', now: NOW };
const BODY = new TextEncoder().encode('{"jsonrpc":"2.0","id":1,"method":"tools/list"}');

async function signed(
  over: { signingDate?: Date; service?: string; region?: string; creds?: typeof CREDS } = {}
): Promise<ReceivedRequest & { headers: Record<string, string> }> {
  const { headers } = await signForUpstream(
    {
      method: 'POST',
      url: 'https://aws-mcp.us-east-1.api.aws/mcp?x=1',
      headers: { 'content-type': 'application/json', 'content-length': String(BODY.length) },
      body: BODY,
    },
    over.creds ?? CREDS,
    {
      region: over.region ?? 'us-east-1',
      service: over.service ?? 'aws-mcp',
      signingDate: over.signingDate ?? NOW,
    }
  );
  return { method: 'POST', url: '/mcp?x=1', headers, body: BODY };
}

describe('verifySigV4', () => {
  it('accepts an untouched signed request', async () => {
    const result = await verifySigV4(await signed(), lookup, OPTIONS);
    assert.deepEqual(result, {
      ok: true,
      accessKeyId: 'ASIAEXAMPLE',
      region: 'us-east-1',
      service: 'aws-mcp',
      signedHeaders: [
        'content-length',
        'content-type',
        'host',
        'x-amz-date',
        'x-amz-security-token',
      ],
      signedAt: NOW,
      withSessionToken: true,
    });
  });

  it('accepts a request within the skew window, and unsigned headers added on the way', async () => {
    const req = await signed({ signingDate: new Date(NOW.getTime() - 299_000) });
    req.headers['x-forwarded-for'] = '198.51.100.7';
    req.headers['user-agent'] = 'gateway/1.0';
    assert.equal((await verifySigV4(req, lookup, OPTIONS)).ok, true);
  });

  it('accepts long-term keys without a session token', async () => {
    const req = await signed({
      creds: { accessKeyId: 'AKIALONGTERM', secretAccessKey: 'long-term-secret', sessionToken: '' },
    });
    const result = await verifySigV4(req, lookup, OPTIONS);
    assert.ok(result.ok);
    assert.equal(result.withSessionToken, false);
  });

  it('accepts a signed x-amz-content-sha256 that matches the body', async () => {
    // The SDK's default signer (applyChecksum: true) adds this header.
    const signer = new SignatureV4({
      credentials: CREDS,
      region: 'us-east-1',
      service: 'aws-mcp',
      sha256: Sha256,
    });
    const out = (await signer.sign(
      new HttpRequest({
        method: 'POST',
        hostname: 'h',
        path: '/mcp',
        headers: { host: 'h' },
        body: BODY,
      }),
      { signingDate: NOW }
    )) as HttpRequest;
    assert.ok(out.headers['x-amz-content-sha256']);
    const ok = await verifySigV4(
      { method: 'POST', url: '/mcp', headers: out.headers, body: BODY },
      lookup,
      OPTIONS
    );
    assert.equal(ok.ok, true);
    const tampered = await verifySigV4(
      { method: 'POST', url: '/mcp', headers: out.headers, body: new TextEncoder().encode('{}') },
      lookup,
      OPTIONS
    );
    assert.equal(tampered.ok === false && tampered.code, 'InvalidSignatureException');
  });

  const rejections: {
    name: string;
    mutate: (r: ReceivedRequest & { headers: Record<string, string> }) => void;
    sign?: Parameters<typeof signed>[0];
    options?: Partial<VerifySigV4Options>;
    code: string;
    message: RegExp;
  }[] = [
    {
      name: 'tampered body',
      mutate: (r) =>
        (r.body = new TextEncoder().encode('{"jsonrpc":"2.0","id":1,"method":"tools/call"}')),
      code: 'InvalidSignatureException',
      message: /does not match the signature you provided/,
    },
    {
      name: 'tampered path',
      mutate: (r) => (r.url = '/admin?x=1'),
      code: 'InvalidSignatureException',
      message: /does not match/,
    },
    {
      name: 'tampered query',
      mutate: (r) => (r.url = '/mcp?x=2'),
      code: 'InvalidSignatureException',
      message: /does not match/,
    },
    {
      name: 'tampered method',
      mutate: (r) => (r.method = 'PUT'),
      code: 'InvalidSignatureException',
      message: /does not match/,
    },
    {
      name: 'tampered signed header',
      mutate: (r) => (r.headers['content-type'] = 'text/plain'),
      code: 'InvalidSignatureException',
      message: /does not match/,
    },
    {
      name: 'signed header removed',
      mutate: (r) => delete r.headers['content-type'],
      code: 'InvalidSignatureException',
      message: /Signed header 'content-type' is missing/,
    },
    {
      name: 'X-Amz-Date moved (the date is signed)',
      mutate: (r) => (r.headers['x-amz-date'] = '20300101T000001Z'),
      code: 'InvalidSignatureException',
      message: /does not match/,
    },
    {
      name: 'signed more than 5 minutes ago',
      mutate: () => {},
      sign: { signingDate: new Date(NOW.getTime() - 301_000) },
      code: 'RequestExpired',
      message: /^Signature expired: 20291231T235459Z is now earlier than 20291231T235500Z/,
    },
    {
      name: 'signed more than 5 minutes in the future',
      mutate: () => {},
      sign: { signingDate: new Date(NOW.getTime() + 301_000) },
      code: 'RequestExpired',
      message: /^Signature not yet current/,
    },
    {
      name: 'a tighter maxSkewSeconds',
      mutate: () => {},
      sign: { signingDate: new Date(NOW.getTime() - 61_000) },
      options: { maxSkewSeconds: 60 },
      code: 'RequestExpired',
      message: /1 min\./,
    },
    {
      name: 'wrong service in the scope',
      mutate: () => {},
      sign: { service: 'execute-api' },
      code: 'InvalidSignatureException',
      message: /scoped to correct service: 'aws-mcp'/,
    },
    {
      name: 'wrong region in the scope',
      mutate: () => {},
      sign: { region: 'eu-west-1' },
      code: 'InvalidSignatureException',
      message: /scoped to a valid region, not 'eu-west-1'/,
    },
    {
      name: 'unknown access key',
      mutate: () => {},
      sign: { creds: { ...CREDS, accessKeyId: 'ASIAUNKNOWN' } },
      code: 'UnrecognizedClientException',
      message: /security token included in the request is invalid/,
    },
    {
      name: 'wrong secret key',
      mutate: () => {},
      sign: { creds: { ...CREDS, secretAccessKey: 'not-the-secret' } },
      code: 'InvalidSignatureException',
      message: /does not match/,
    },
    {
      name: 'session token missing',
      mutate: (r) => delete r.headers['x-amz-security-token'],
      code: 'InvalidClientTokenId',
      message: /security token/,
    },
    {
      name: 'session token of another session',
      mutate: () => {},
      sign: { creds: { ...CREDS, sessionToken: 'session-token-2' } },
      code: 'InvalidClientTokenId',
      message: /security token/,
    },
    {
      name: 'no Authorization header',
      mutate: (r) => delete r.headers.authorization,
      code: 'MissingAuthenticationToken',
      message: /^Missing Authentication Token$/,
    },
    {
      name: 'a Bearer token instead of SigV4',
      mutate: (r) => (r.headers.authorization = 'Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln'),
      code: 'IncompleteSignatureException',
      message: /^Authorization header uses scheme 'Bearer'; only AWS4-HMAC-SHA256 is accepted\.$/,
    },
    {
      name: 'Authorization without Signature',
      mutate: (r) =>
        (r.headers.authorization = r.headers.authorization!.replace(/, Signature=.*/, '')),
      code: 'IncompleteSignatureException',
      message: /requires 'Signature' parameter/,
    },
    {
      name: 'X-Amz-Date missing',
      mutate: (r) => delete r.headers['x-amz-date'],
      code: 'IncompleteSignatureException',
      message: /X-Amz-Date/,
    },
    {
      name: 'host not signed',
      mutate: (r) => (r.headers.authorization = r.headers.authorization!.replace(';host;', ';')),
      code: 'IncompleteSignatureException',
      message: /'host' must be a signed header/,
    },
  ];
  for (const c of rejections) {
    it(`rejects ${c.name} → ${c.code}`, async () => {
      const req = await signed(c.sign);
      c.mutate(req);
      const result = await verifySigV4(req, lookup, { ...OPTIONS, ...c.options });
      assert.equal(result.ok, false);
      assert.ok(!result.ok);
      assert.equal(result.code, c.code);
      assert.equal(result.status, 403);
      assert.match(result.message, c.message);
    });
  }

  it('never echoes the Authorization value or secrets in messages', async () => {
    const req = await signed();
    req.headers.authorization = 'Bearer top-secret-bearer-value';
    const result = await verifySigV4(req, lookup, OPTIONS);
    assert.ok(!result.ok);
    assert.ok(!result.message.includes('top-secret-bearer-value'));
  });

  it('accepts any region when none is configured', async () => {
    const req = await signed({ region: 'eu-west-1' });
    const result = await verifySigV4(req, lookup, { service: 'aws-mcp', now: NOW });
    assert.equal(result.ok && result.region, 'eu-west-1');
  });

  it('awaits an asynchronous lookup', async () => {
    const result = await verifySigV4(await signed(), async (id) => lookup(id), OPTIONS);
    assert.equal(result.ok, true);
  });
});
