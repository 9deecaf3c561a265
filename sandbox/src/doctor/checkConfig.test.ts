import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tutorialConfig } from '../../test/support/doctorFixtures';
import { checkConfig } from './checkConfig';
import { readSetup } from './readSetup';

const cases: {
  name: string;
  text: string;
  status: 'pass' | 'fail';
  message: RegExp;
  fix?: RegExp;
}[] = [
  {
    name: 'the tutorial configuration with its companions',
    text: tutorialConfig(),
    status: 'pass',
    message:
      /valid MCPExternalAuthConfig "aws-mcp-sts-auth": region us-east-1, 1 role mapping\(s\), a fallback role; issuer https:\/\/dev-123456.okta.com\/oauth2\/default, audience toolhive-aws/,
  },
  {
    name: 'a bare awsSts object',
    text: 'region: eu-west-1\nfallbackRoleArn: arn:aws:iam::123456789012:role/R\n',
    status: 'pass',
    message: /valid bare awsSts object: region eu-west-1, 0 role mapping\(s\), a fallback role$/,
  },
  {
    name: 'a region the CRD schema refuses (every layer runs)',
    text: tutorialConfig({ region: 'US' }),
    status: 'fail',
    message: /invalid: 1 problem\(s\), first awsSts.region \(line \d+\)/,
    fix: /change awsSts.region \(line \d+\) as the message says; "npm run cli -- validate --config FILE"/,
  },
  {
    name: 'a CEL matcher that does not compile',
    text: tutorialConfig({
      awsSts: `    region: us-east-1\n    roleMappings:\n      - matcher: 'nope(claims)'\n        roleArn: arn:aws:iam::123456789012:role/R\n`,
    }),
    status: 'fail',
    message: /awsSts.roleMappings\[0\].matcher/,
  },
  {
    name: 'a remote URL in another Region than awsSts.region',
    text: tutorialConfig({ remoteUrl: 'https://aws-mcp.eu-west-1.api.aws/mcp' }),
    status: 'fail',
    message:
      /remoteUrl https:\/\/aws-mcp.eu-west-1.api.aws\/mcp is in eu-west-1, but awsSts.region is us-east-1/,
    fix: /set awsSts.region: eu-west-1, or remoteUrl: https:\/\/aws-mcp.us-east-1.api.aws\/mcp/,
  },
  {
    name: 'a SigV4 service other than aws-mcp for the AWS MCP Server',
    text: tutorialConfig().replace('service: aws-mcp', 'service: s3'),
    status: 'fail',
    message: /awsSts.service is s3/,
    fix: /set awsSts.service: aws-mcp/,
  },
  {
    name: 'a proxy referencing another external auth config',
    text: tutorialConfig().replace(
      '  externalAuthConfigRef:\n    name: aws-mcp-sts-auth',
      '  externalAuthConfigRef:\n    name: other'
    ),
    status: 'fail',
    message:
      /externalAuthConfigRef.name is "other", but the MCPExternalAuthConfig is named "aws-mcp-sts-auth"/,
  },
  {
    name: 'a proxy referencing another OIDC config',
    text: tutorialConfig().replace(
      '    name: aws-mcp-oidc\n    audience',
      '    name: oidc2\n    audience'
    ),
    status: 'fail',
    message: /oidcConfigRef.name is "oidc2"/,
    fix: /set spec.oidcConfigRef.name: aws-mcp-oidc/,
  },
  {
    name: 'resources in different namespaces',
    text: tutorialConfig().replace(
      '  name: aws-mcp-proxy\n  namespace: toolhive-system',
      '  name: aws-mcp-proxy\n  namespace: other'
    ),
    status: 'fail',
    message: /different namespaces \(toolhive-system, other\)/,
  },
  {
    name: 'YAML that does not parse',
    text: 'region: [\n',
    status: 'fail',
    message: /YAML syntax error/,
  },
];

describe('checkConfig', () => {
  for (const c of cases) {
    it(c.name, () => {
      const check = checkConfig(readSetup(c.text));
      assert.equal(check.link, 'config');
      assert.equal(check.status, c.status, check.message);
      assert.match(check.message, c.message);
      if (c.fix) assert.match(check.fix ?? '', c.fix);
      if (c.status === 'fail') assert.ok(check.fix, 'every failure has a fix');
    });
  }
});

describe('readSetup', () => {
  it('reads the issuer, audience and URLs of the companion resources', () => {
    const setup = readSetup(tutorialConfig({ issuer: 'https://idp.example.com/' }));
    assert.equal(setup.oidc?.issuer, 'https://idp.example.com/');
    assert.equal(setup.oidc?.name, 'aws-mcp-oidc');
    assert.equal(setup.proxy?.audience, 'toolhive-aws');
    assert.equal(setup.proxy?.remoteUrl, 'https://aws-mcp.us-east-1.api.aws/mcp');
    assert.equal(setup.proxy?.resourceUrl, 'https://mcp.example.com/mcp');
    assert.equal(setup.externalAuthConfig?.name, 'aws-mcp-sts-auth');
  });

  it('reads a v1alpha1 proxy with an inline oidcConfig', () => {
    const setup = readSetup(`${tutorialConfig({ withCompanions: false })}---
apiVersion: toolhive.stacklok.dev/v1alpha1
kind: MCPRemoteProxy
metadata: { name: p }
spec:
  remoteURL: https://aws-mcp.us-east-1.api.aws/mcp
  oidcConfig:
    type: inline
    inline: { issuer: 'https://idp.example.com', audience: aud1 }
`);
    assert.equal(setup.oidc?.issuer, 'https://idp.example.com');
    assert.equal(setup.proxy?.audience, 'aud1');
    assert.equal(setup.proxy?.remoteUrl, 'https://aws-mcp.us-east-1.api.aws/mcp');
  });
});
