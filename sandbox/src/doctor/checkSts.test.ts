import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateAwsSts } from '../config';
import { StsExchangeError, mapStsError } from '../sts';
import { DEFAULT_ROLE } from '../../test/support/doctorFixtures';
import { checkSts, type StsCheckContext } from './checkSts';
import type { ExchangeRequest } from './types';

const config = (() => {
  const result = validateAwsSts({
    region: 'us-east-1',
    fallbackRoleArn: DEFAULT_ROLE,
    sessionDuration: 900,
  });
  if (!result.ok) throw new Error('config');
  return result.config;
})();
const base: StsCheckContext = {
  target: {},
  config,
  token: 'header.payload.sig',
  roleArn: DEFAULT_ROLE,
  sessionName: 'alice',
};

/** An SDK-like exception as @aws-sdk/client-sts throws it. */
const awsError = (name: string, status: number, message = 'm') =>
  Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });

describe('checkSts', () => {
  it('skips without --exchange when the Region agrees, naming the endpoint ToolHive uses', async () => {
    const check = await checkSts(base);
    assert.equal(check.status, 'skip');
    assert.equal(
      check.message,
      'not called: add --exchange to call AssumeRoleWithWebIdentity at https://sts.us-east-1.amazonaws.com (us-east-1) with this token'
    );
  });

  it('fails STS in another Region than the configuration, from the endpoint or --region', async () => {
    const byHost = await checkSts({
      ...base,
      target: { endpoint: 'https://sts.eu-west-1.amazonaws.com' },
    });
    assert.equal(byHost.status, 'fail');
    assert.match(
      byHost.message,
      /the STS endpoint https:\/\/sts.eu-west-1.amazonaws.com is in eu-west-1, but awsSts.region is us-east-1: ToolHive calls https:\/\/sts.us-east-1.amazonaws.com and signs for us-east-1/
    );
    assert.match(
      byHost.fix ?? '',
      /set awsSts.region: eu-west-1 \(and remoteUrl https:\/\/aws-mcp.eu-west-1.api.aws\/mcp\); otherwise run doctor against STS in us-east-1/
    );
    const byFlag = await checkSts({
      ...base,
      target: { endpoint: 'http://127.0.0.1:4102', region: 'eu-central-1' },
    });
    assert.match(byFlag.message, /http:\/\/127.0.0.1:4102 is in eu-central-1/);
    const global = await checkSts({ ...base, target: { endpoint: 'https://sts.amazonaws.com' } });
    assert.equal(global.status, 'skip', 'the global endpoint is us-east-1');
  });

  it('makes the call ToolHive makes and passes on credentials (never showing them)', async () => {
    const seen: ExchangeRequest[] = [];
    const check = await checkSts({
      ...base,
      target: {
        endpoint: 'http://127.0.0.1:4102',
        exchange: async (request) => {
          seen.push(request);
          return {
            assumedRoleArn: 'arn:aws:sts::123456789012:assumed-role/DefaultMCPRole/alice',
            expiration: new Date('2026-06-01T13:00:00Z'),
          };
        },
      },
    });
    assert.equal(check.status, 'pass');
    assert.equal(
      check.message,
      'http://127.0.0.1:4102 (us-east-1) issued credentials for arn:aws:sts::123456789012:assumed-role/DefaultMCPRole/alice, valid until 2026-06-01T13:00:00.000Z'
    );
    assert.deepEqual(seen, [
      {
        token: 'header.payload.sig',
        roleArn: DEFAULT_ROLE,
        sessionName: 'alice',
        durationSeconds: 900,
        region: 'us-east-1',
        endpoint: 'http://127.0.0.1:4102',
      },
    ]);
  });

  const refusals: { name: string; error: unknown; message: RegExp; fix: RegExp }[] = [
    {
      name: 'AccessDenied (trust policy or no role)',
      error: new StsExchangeError(
        mapStsError(awsError('AccessDenied', 403), { roleArn: DEFAULT_ROLE })
      ),
      message:
        /answered AccessDenied: the trust policy of role .*DefaultMCPRole does not allow this token/,
      fix: /fix the role or trust-policy link/,
    },
    {
      name: 'an expired token',
      error: new StsExchangeError(mapStsError(awsError('ExpiredTokenException', 400))),
      message: /answered ExpiredTokenException/,
      fix: /get a fresh token/,
    },
    {
      name: 'STS disabled in the Region',
      error: awsError('RegionDisabledException', 403),
      message: /answered RegionDisabledException: STS is not activated in us-east-1/,
      fix: /activate STS in that Region/,
    },
    {
      name: 'an unreachable endpoint',
      error: Object.assign(new TypeError('fetch failed'), { code: 'ECONNREFUSED' }),
      message: /answered NetworkError: could not reach STS/,
      fix: /check the STS endpoint \(--sts-endpoint\)/,
    },
  ];
  for (const c of refusals) {
    it(`names STS's answer: ${c.name}`, async () => {
      const check = await checkSts({
        ...base,
        target: { exchange: async () => Promise.reject(c.error) },
      });
      assert.equal(check.status, 'fail', check.message);
      assert.match(check.message, c.message);
      assert.match(check.fix ?? '', c.fix);
      assert.ok(!check.message.includes('header.payload.sig'));
    });
  }

  it('does not call STS when ToolHive would not (no role, bad session name)', async () => {
    let called = false;
    const exchange = async () => {
      called = true;
      return {};
    };
    const noName = await checkSts({ ...base, sessionName: undefined, target: { exchange } });
    assert.match(noName.message, /ToolHive would not call STS without a valid session name/);
    const noRole = await checkSts({ ...base, roleArn: undefined, target: { exchange } });
    assert.match(noRole.message, /no role to assume/);
    assert.equal(called, false);
  });

  it('skips without a configuration or a target', async () => {
    assert.equal((await checkSts({ ...base, config: undefined })).status, 'skip');
    assert.match((await checkSts({ ...base, target: undefined })).message, /--exchange/);
  });
});
