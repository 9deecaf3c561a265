// The seeded account is the tutorial's: the permission policies it publishes, its trust policies
// and provider, and the awsSts configuration; a loopback issuer and longer sessions as the setup
// makes them.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { tutorialValuesWith } from '../policy';
import { awsStsConfigFor, localizeIssuer, seedAccount } from './index';

describe('seedAccount', () => {
  it('uses the permission policies the tutorial publishes', async () => {
    const tutorial = await readFile(
      new URL('../../../docs/toolhive/tutorials/aws-sts-integration.mdx', import.meta.url),
      'utf8'
    );
    const block = (title: string): unknown => {
      const match = new RegExp('```json title="' + title + '"\\n([\\s\\S]*?)\\n```').exec(tutorial);
      assert.ok(match?.[1], `the tutorial has a ${title} block`);
      return JSON.parse(match[1]);
    };
    const state = seedAccount(tutorialValuesWith());
    const policy = (role: string, name: string): unknown =>
      JSON.parse(state.findRole(role)?.inlinePolicies.get(name) ?? 'null');
    assert.deepEqual(
      policy('DefaultMCPRole', 'DefaultMCPPermissions'),
      block('default-role-permissions.json')
    );
    assert.deepEqual(
      policy('S3ReadOnlyMCPRole', 'S3ReadOnlyMCPPermissions'),
      block('s3-readonly-permissions.json')
    );
  });

  it('registers the provider and trusts it for the audience, or for trustAudience', () => {
    const values = tutorialValuesWith({ issuer: 'https://idp.example.test' });
    const state = seedAccount(values, { trustAudience: 'other-api' });
    assert.deepEqual(state.findOidcProviderByIssuer('https://idp.example.test')?.clientIds, [
      'toolhive-aws',
    ]);
    const trust = JSON.parse(state.findRole('S3ReadOnlyMCPRole')?.assumeRolePolicyDocument ?? '');
    assert.deepEqual(trust.Statement[0].Condition, {
      StringEquals: { 'idp.example.test:aud': 'other-api' },
    });
    assert.equal(trust.Statement[0].Principal.Federated, state.oidcProviderArn(values.issuer));
  });

  it('accepts a loopback issuer and raises the maximum session for longer sessions', () => {
    const values = localizeIssuer(
      tutorialValuesWith({ sessionDuration: 7200 }),
      'http://127.0.0.1:4101'
    );
    const state = seedAccount(values, { now: new Date('2026-01-01T00:00:00Z') });
    assert.equal(state.findOidcProviderByIssuer('http://127.0.0.1:4101')?.url, values.issuer);
    assert.equal(state.findRole('DefaultMCPRole')?.maxSessionDuration, 7200);
    assert.equal(
      state.findRole('DefaultMCPRole')?.createDate.toISOString(),
      '2026-01-01T00:00:00.000Z'
    );
  });
});

describe('awsStsConfigFor', () => {
  it("is the tutorial's configuration, as ToolHive loads it", () => {
    const config = awsStsConfigFor(tutorialValuesWith());
    assert.equal(config.fallbackRoleArn, 'arn:aws:iam::123456789012:role/DefaultMCPRole');
    assert.deepEqual(
      config.roleMappings.map((mapping) => [mapping.claim, mapping.roleArn, mapping.priority]),
      [['s3-readers', 'arn:aws:iam::123456789012:role/S3ReadOnlyMCPRole', 10]]
    );
    assert.equal(config.sessionDuration, 900);
  });
});
