// GetCallerIdentity in the STS core, signed with @smithy/signature-v4 as the SDKs sign it: the
// assumed-role identity, no policy evaluated, and every authentication refusal with STS's wire
// code, status and message.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Sha256 } from '@smithy/core/checksum';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AccountState, IssuedCredentials } from '../state';
import { handleStsRequest } from './handleStsRequest';
import { issueCredentials } from './issueCredentials';
import type { StsResponse } from './types';
import { accountTrusting, ROLE_ID } from '../../../test/support/accounts';

const NOW = new Date('2026-03-01T12:00:00Z');
const HOST = 'sts.us-east-1.amazonaws.com';
const BODY = 'Action=GetCallerIdentity&Version=2011-06-15';

/** An account whose role Dev has no permission policy at all, and credentials issued for it. */
function account(): { state: AccountState; credentials: IssuedCredentials } {
  const state = accountTrusting('https://idp.example.com', { roles: [{ name: 'Dev' }] });
  const role = state.findRole('Dev');
  assert.ok(role);
  // An explicit Deny of everything: GetCallerIdentity still answers (it cannot be denied).
  role.inlinePolicies.clear();
  role.inlinePolicies.set(
    'DenyAll',
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }],
    })
  );
  const credentials = issueCredentials(state, {
    role,
    sessionName: 'alice',
    durationSeconds: 900,
    subject: 'alice',
    issuer: 'https://idp.example.com',
    audience: 'toolhive-aws',
    now: NOW,
  });
  return { state, credentials };
}

interface Signing {
  accessKeyId?: string;
  secretAccessKey?: string;
  sessionToken?: string | null;
  service?: string;
  signingDate?: Date;
  /** Changes the body after signing. */
  tamper?: boolean;
}

async function signedRequest(credentials: IssuedCredentials, signing: Signing = {}) {
  const sessionToken =
    signing.sessionToken === null ? undefined : (signing.sessionToken ?? credentials.sessionToken);
  const signer = new SignatureV4({
    credentials: {
      accessKeyId: signing.accessKeyId ?? credentials.accessKeyId,
      secretAccessKey: signing.secretAccessKey ?? credentials.secretAccessKey,
      ...(sessionToken === undefined ? {} : { sessionToken }),
    },
    region: 'us-east-1',
    service: signing.service ?? 'sts',
    sha256: Sha256,
    // As the SDK signs STS calls: no x-amz-content-sha256 header.
    applyChecksum: false,
  });
  const signed = await signer.sign(
    new HttpRequest({
      method: 'POST',
      protocol: 'https:',
      hostname: HOST,
      path: '/',
      headers: { host: HOST, 'content-type': 'application/x-www-form-urlencoded' },
      body: BODY,
    }),
    { signingDate: signing.signingDate ?? NOW }
  );
  return {
    method: 'POST',
    url: '/',
    body: signing.tamper === true ? `${BODY}&X=1` : BODY,
    headers: signed.headers,
  };
}

async function ask(
  signing: Signing | 'unsigned',
  change?: (credentials: IssuedCredentials) => void
): Promise<StsResponse> {
  const { state, credentials } = account();
  change?.(credentials);
  const request =
    signing === 'unsigned'
      ? { method: 'POST', url: '/', body: BODY, headers: { host: HOST } }
      : await signedRequest(credentials, signing);
  return handleStsRequest(request, { state, resolveJwks: () => assert.fail('no JWKS'), now: NOW });
}

const pick = (body: string, tag: string): string | undefined =>
  new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(body)?.[1];

describe('GetCallerIdentity', () => {
  it('names the assumed-role session that signed, even for a role that denies everything', async () => {
    const res = await ask({});
    assert.equal(res.status, 200, res.body);
    assert.match(
      res.body,
      /^<GetCallerIdentityResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/">/
    );
    assert.equal(pick(res.body, 'Arn'), 'arn:aws:sts::123456789012:assumed-role/Dev/alice');
    assert.equal(pick(res.body, 'UserId'), `${ROLE_ID}:alice`);
    assert.equal(pick(res.body, 'Account'), '123456789012');
    assert.equal(res.explain.outcome, 'Identified');
    assert.equal(res.explain.step, 'identified');
    assert.equal(res.explain.sessionName, 'alice');
    assert.doesNotMatch(
      JSON.stringify(res.explain),
      /secret|IQoJ/i,
      'no secret in the explanation'
    );
  });

  it('accepts a request signed for any Region', async () => {
    const { state, credentials } = account();
    const signer = new SignatureV4({
      credentials,
      region: 'eu-west-1',
      service: 'sts',
      sha256: Sha256,
    });
    const signed = await signer.sign(
      new HttpRequest({
        method: 'POST',
        protocol: 'https:',
        hostname: HOST,
        path: '/',
        headers: { host: HOST },
        body: BODY,
      }),
      { signingDate: NOW }
    );
    const res = await handleStsRequest(
      { method: 'POST', url: '/', body: BODY, headers: signed.headers },
      { state, resolveJwks: () => assert.fail('no JWKS'), now: NOW }
    );
    assert.equal(res.status, 200, res.body);
  });

  it('takes host from an absolute URL when the transport hid the header (fetch, msw)', async () => {
    const { state, credentials } = account();
    const { headers, ...request } = await signedRequest(credentials);
    const { host: _host, ...rest } = headers;
    const res = await handleStsRequest(
      { ...request, url: `https://${HOST}/`, headers: rest },
      { state, resolveJwks: () => assert.fail('no JWKS'), now: NOW }
    );
    assert.equal(res.status, 200, res.body);
  });

  const refusals: {
    name: string;
    signing: Signing | 'unsigned';
    change?: (credentials: IssuedCredentials) => void;
    status: number;
    code: string;
    message: string | RegExp;
  }[] = [
    {
      name: 'an unsigned request',
      signing: 'unsigned',
      status: 403,
      code: 'MissingAuthenticationToken',
      message: 'Request is missing Authentication Token',
    },
    {
      name: 'the wrong secret',
      signing: { secretAccessKey: 'x'.repeat(40) },
      status: 403,
      code: 'SignatureDoesNotMatch',
      message:
        'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    },
    {
      name: 'a body changed after signing',
      signing: { tamper: true },
      status: 403,
      code: 'SignatureDoesNotMatch',
      message: /^The request signature we calculated does not match/,
    },
    {
      name: 'a signature older than 5 minutes',
      signing: { signingDate: new Date(NOW.getTime() - 301_000) },
      status: 403,
      code: 'SignatureDoesNotMatch',
      message: /^Signature expired: 20260301T115459Z is now earlier than 20260301T115500Z/,
    },
    {
      name: 'a scope for another service',
      signing: { service: 'iam' },
      status: 403,
      code: 'SignatureDoesNotMatch',
      message: "Credential should be scoped to correct service: 'sts'.",
    },
    {
      name: 'an access key the emulator never issued',
      signing: { accessKeyId: 'ASIAUNKNOWNUNKNOWN00' },
      status: 403,
      code: 'InvalidClientTokenId',
      message: 'The security token included in the request is invalid.',
    },
    {
      name: 'temporary credentials without their session token',
      signing: { sessionToken: null },
      status: 403,
      code: 'InvalidClientTokenId',
      message: 'The security token included in the request is invalid.',
    },
    {
      name: 'another session token',
      signing: { sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLE' },
      status: 403,
      code: 'InvalidClientTokenId',
      message: 'The security token included in the request is invalid.',
    },
    {
      name: 'expired credentials',
      signing: {},
      change: (credentials) => {
        credentials.expiration = new Date(NOW.getTime() - 1000);
      },
      status: 403,
      code: 'ExpiredToken',
      message: 'The security token included in the request is expired',
    },
  ];
  for (const r of refusals) {
    it(`refuses ${r.name} with ${r.code}`, async () => {
      const res = await ask(r.signing, r.change);
      assert.equal(res.status, r.status, res.body);
      assert.equal(pick(res.body, 'Code'), r.code);
      assert.equal(pick(res.body, 'Type'), 'Sender');
      const message = (pick(res.body, 'Message') ?? '').replace(/&apos;/g, "'");
      if (typeof r.message === 'string') assert.equal(message, r.message);
      else assert.match(message, r.message);
      assert.equal(res.explain.outcome, r.code);
      assert.equal(res.explain.step, 'authentication');
      assert.ok(res.explain.detail.length > 0);
    });
  }
});
