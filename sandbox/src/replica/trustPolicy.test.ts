// IAM has the last word: with the tutorial's stricter trust policy (a `sub` allow list without
// bob), the proxy accepts bob's token and picks a role, and STS refuses: ToolHive's bare 401 by
// default, the enhanced mode's 403 with the reason.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { getAccessToken } from '../emulators/oidc';
import type { StsExplanation } from '../emulators/sts-core';
import { startReplica, type Replica } from './startReplica';
import { callTool, connectWithToken, postInitialize, SCRIPTS } from '../../test/support/mcpClient';

let replica: Replica;
const decisions: StsExplanation[] = [];

before(async () => {
  replica = await startReplica({
    port: 0,
    restrictSubjects: ['alice'],
    onStsDecision: (explanation) => decisions.push(explanation),
  });
});
after(() => replica.close());

describe('a trust policy with a sub condition that excludes bob', () => {
  it('is what the IAM emulator holds for both roles', () => {
    const hostPath = `127.0.0.1:${replica.ports.oidc}`;
    for (const name of ['DefaultMCPRole', 'S3ReadOnlyMCPRole']) {
      const trust = JSON.parse(replica.state.findRole(name)?.assumeRolePolicyDocument ?? '{}') as {
        Statement: { Condition: { StringEquals: Record<string, unknown> } }[];
      };
      assert.equal(trust.Statement[0]?.Condition.StringEquals[`${hostPath}:sub`], 'alice');
    }
    assert.deepEqual(replica.roles[0]?.restrictSubjects, ['alice']);
  });

  it('still lets alice in', async () => {
    const token = await getAccessToken({ issuer: replica.urls.issuer, user: 'alice' });
    const alice = await connectWithToken(replica.urls.proxy, token);
    try {
      const whoami = await callTool(alice, 'aws___run_script', { code: SCRIPTS.whoami });
      assert.match(whoami.text, /assumed-role\/S3ReadOnlyMCPRole\/alice/);
    } finally {
      await alice.close();
    }
  });

  it('refuses bob as ToolHive does (401, a bare body); the log names the deciding condition', async () => {
    const token = await getAccessToken({ issuer: replica.urls.issuer, user: 'bob' });
    const response = await postInitialize(replica.urls.proxy, token);
    assert.equal(response.status, 401);
    assert.equal(response.headers.get('www-authenticate'), null);
    assert.equal(await response.text(), 'AWS credential exchange failed\n');
    const decision = decisions.find((entry) => entry.sessionName === 'bob');
    assert.equal(decision?.outcome, 'AccessDenied');
    assert.equal(decision?.step, 'trustPolicy');
    assert.match(decision?.detail ?? '', /sub/);
  });
});

describe('the same trust policy in the enhanced mode', () => {
  let enhanced: Replica;
  before(async () => {
    enhanced = await startReplica({ port: 0, restrictSubjects: ['alice'], mode: 'enhanced' });
  });
  after(() => enhanced.close());

  it('surfaces STS AccessDenied for bob: 403 and the reason', async () => {
    const token = await getAccessToken({ issuer: enhanced.urls.issuer, user: 'bob' });
    const response = await postInitialize(enhanced.urls.proxy, token);
    const body = await response.text();
    assert.equal(response.status, 403);
    assert.match(body, /^AWS credential exchange failed: AccessDenied: /);
    assert.match(body, /trust policy of .*DefaultMCPRole/);
  });
});
