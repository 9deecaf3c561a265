// `--config`: a user's MCPExternalAuthConfig runs unchanged; every role it references is created
// in the emulated account (its account, path, trust policy, preset), and bad ARNs are refused.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadAwsStsConfig, type AwsStsConfig } from '../config';
import { getAccessToken } from '../emulators/oidc';
import { configSetup, presetFor } from './configSetup';
import { startReplica, type Replica } from './startReplica';
import { callTool, connectWithToken } from '../../test/support/mcpClient';

const CONFIG_YAML = `apiVersion: toolhive.stacklok.dev/v1beta1
kind: MCPExternalAuthConfig
metadata:
  name: my-sts-auth
  namespace: toolhive-system
spec:
  type: awsSts
  awsSts:
    region: eu-west-1
    fallbackRoleArn: arn:aws:iam::111122223333:role/ReadOnlyFallback
    roleMappings:
      - claim: s3-readers
        roleArn: arn:aws:iam::111122223333:role/team/DataReaders
        priority: 1
      - matcher: '"s3-readers" in claims["groups"] && claims["email_verified"] == true'
        roleArn: arn:aws:iam::111122223333:role/team/DataReaders
        priority: 5
    sessionDuration: 7200
    sessionNameClaim: email
`;

function load(text: string): AwsStsConfig {
  const loaded = loadAwsStsConfig(text);
  assert.ok(loaded.ok, JSON.stringify(loaded));
  return loaded.config;
}

const ISSUER = 'http://127.0.0.1:4101';

describe('configSetup', () => {
  it('creates each referenced role once, in its account and path, with a preset', () => {
    const side = configSetup(load(CONFIG_YAML), { issuer: ISSUER, audience: 'toolhive-aws' });
    assert.equal(side.source, 'config');
    assert.equal(side.values.accountId, '111122223333');
    assert.deepEqual(
      side.roles.map((role) => [role.name, role.arn, role.fallback]),
      [
        ['ReadOnlyFallback', 'arn:aws:iam::111122223333:role/ReadOnlyFallback', true],
        ['DataReaders', 'arn:aws:iam::111122223333:role/team/DataReaders', false],
      ]
    );
    assert.match(side.roles[0]?.permissions ?? '', /^preset default/);
    assert.match(side.roles[1]?.permissions ?? '', /^preset s3-read-only/);
    const operations = side.commands.map((command) => command.operation);
    assert.deepEqual(operations, [
      'create-open-id-connect-provider',
      'create-role',
      'put-role-policy',
      'create-role',
      'put-role-policy',
    ]);
    // sessionDuration 7200 needs a longer maximum session, as the generated setup.sh does.
    assert.ok(
      side.commands[1]?.args.some(
        (arg) => arg.flag === '--max-session-duration' && 'value' in arg && arg.value === '7200'
      )
    );
    const trust = JSON.parse(side.files['aws/trust-policy-DataReaders.json'] ?? '{}') as {
      Statement: { Principal: unknown; Condition: unknown }[];
    };
    assert.deepEqual(trust.Statement[0]?.Principal, {
      Federated: 'arn:aws:iam::111122223333:oidc-provider/127.0.0.1:4101',
    });
    assert.deepEqual(trust.Statement[0]?.Condition, {
      StringEquals: { '127.0.0.1:4101:aud': 'toolhive-aws' },
    });
  });

  it('keeps the tutorial presets for the tutorial role names', () => {
    assert.equal(presetFor('DefaultMCPRole', false), 'default');
    assert.equal(presetFor('S3ReadOnlyMCPRole', true), 's3-read-only');
    assert.equal(presetFor('Anything', true), 'default');
    assert.equal(presetFor('Anything', false), 's3-read-only');
  });

  it('refuses role ARNs from two accounts, naming both', () => {
    const config = load(
      CONFIG_YAML.replace(
        'role/team/DataReaders\n        priority: 1',
        'role/OtherAccount\n        priority: 1'
      ).replace(
        'arn:aws:iam::111122223333:role/OtherAccount',
        'arn:aws:iam::444455556666:role/OtherAccount'
      )
    );
    assert.throws(
      () => configSetup(config, { issuer: ISSUER, audience: 'toolhive-aws' }),
      /one account.*111122223333.*444455556666/
    );
  });
});

describe('the replica with --config', () => {
  let replica: Replica;
  before(async () => {
    replica = await startReplica({ port: 0, throttle: false, config: load(CONFIG_YAML) });
  });
  after(() => replica.close());

  it('maps alice by priority to the role with a path and lets her read S3', async () => {
    const alice = replica.users.find((user) => user.name === 'alice');
    assert.equal(alice?.roleArn, 'arn:aws:iam::111122223333:role/team/DataReaders');
    assert.equal(alice?.sessionName, 'alice@example.com');
    const token = await getAccessToken({ issuer: replica.urls.issuer, user: 'alice' });
    const client = await connectWithToken(replica.urls.proxy, token);
    try {
      const whoami = await callTool(client, 'aws___call_aws', {
        cli_command: 'aws sts get-caller-identity',
      });
      assert.match(
        whoami.text,
        /arn:aws:sts::111122223333:assumed-role\/DataReaders\/alice@example\.com/
      );
      const listing = await callTool(client, 'aws___call_aws', {
        cli_command: 'aws s3api list-objects-v2 --bucket example-bucket',
      });
      assert.equal(listing.isError, false, listing.text);
    } finally {
      await client.close();
    }
  });

  it('gives carol a valid session name (email) and bob the fallback role', async () => {
    const byName = Object.fromEntries(replica.users.map((user) => [user.name, user]));
    assert.equal(byName.carol?.refusal, undefined);
    assert.equal(byName.bob?.roleArn, 'arn:aws:iam::111122223333:role/ReadOnlyFallback');
    const token = await getAccessToken({ issuer: replica.urls.issuer, user: 'bob' });
    const client = await connectWithToken(replica.urls.proxy, token);
    try {
      const listing = await callTool(client, 'aws___call_aws', {
        cli_command: 'aws s3api list-objects-v2 --bucket example-bucket',
      });
      assert.equal(listing.isError, true);
      assert.match(listing.text, /AccessDenied.*ReadOnlyFallback\/bob@example\.com/);
    } finally {
      await client.close();
    }
  });

  it('registered the roles in the IAM emulator with their path and maximum session', () => {
    const role = replica.state.findRole('DataReaders');
    assert.equal(role?.path, '/team/');
    assert.equal(role?.maxSessionDuration, 7200);
  });
});
