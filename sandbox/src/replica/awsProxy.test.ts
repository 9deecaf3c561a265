// `sandbox --aws`: only the proxy, aimed at the real AWS endpoints of the configuration's region.
// Requests without a token never leave the machine, so this needs no network and no AWS account.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadAwsStsConfig } from '../config';
import { awsReadyMessage, awsWarning, renderAwsBanner } from './awsBanner';
import { awsMcpEndpoint, startAwsProxy } from './awsProxy';

const loaded = loadAwsStsConfig(`region: eu-central-1
fallbackRoleArn: arn:aws:iam::111122223333:role/DefaultMCPRole
roleMappings:
  - claim: s3-readers
    roleArn: arn:aws:iam::111122223333:role/S3ReadOnlyMCPRole
    priority: 10
`);
assert.ok(loaded.ok);
const config = loaded.config;
const ISSUER = 'https://dev-123456.okta.com/oauth2/default';

describe('startAwsProxy', () => {
  it("targets the region's AWS MCP Server and STS, and refuses requests without a token", async () => {
    const proxy = await startAwsProxy({
      config,
      issuer: ISSUER,
      audience: 'toolhive-aws',
      port: 0,
    });
    try {
      assert.equal(proxy.upstreamUrl, 'https://aws-mcp.eu-central-1.api.aws/mcp');
      assert.equal(proxy.stsEndpoint, 'https://sts.eu-central-1.amazonaws.com');
      assert.match(proxy.proxyUrl, /^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
      const response = await fetch(proxy.proxyUrl, { method: 'POST', body: '{}' });
      assert.equal(response.status, 401);
      assert.match(response.headers.get('www-authenticate') ?? '', /^Bearer /);
      await response.body?.cancel();
      const message = awsReadyMessage(proxy, ISSUER, 'toolhive-aws');
      assert.equal(message.mode, 'aws');
      assert.equal(message.upstreamUrl, awsMcpEndpoint('eu-central-1'));
      const banner = renderAwsBanner(proxy, config, ISSUER, 'toolhive-aws');
      assert.match(banner, /This talks to AWS/);
      assert.match(banner, /groups contains s3-readers -> S3ReadOnlyMCPRole \(priority 10\)/);
      assert.match(banner, /anyone else -> DefaultMCPRole \(fallback\)/);
    } finally {
      await proxy.close();
    }
  });

  it('warns that it talks to AWS, naming both endpoints', () => {
    assert.match(
      awsWarning('eu-central-1'),
      /talks to AWS.*https:\/\/sts\.eu-central-1\.amazonaws\.com.*https:\/\/aws-mcp\.eu-central-1\.api\.aws\/mcp/
    );
  });
});
