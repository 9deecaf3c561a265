// Loading awsSts from MCPExternalAuthConfig YAML (single or multi-document), bare awsSts YAML
// or JSON; problems come back as issues with paths relative to awsSts and line numbers.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadAwsStsConfig } from './loadAwsStsConfig';

const resource = (awsSts: string, apiVersion = 'toolhive.stacklok.dev/v1beta1', type = 'awsSts') =>
  `apiVersion: ${apiVersion}
kind: MCPExternalAuthConfig
metadata: { name: aws-mcp-sts-auth, namespace: toolhive-system }
spec:
  type: ${type}
${awsSts}`;

const tutorialAwsSts = `  awsSts:
    region: us-east-1
    fallbackRoleArn: arn:aws:iam::123456789012:role/DefaultMCPRole
    roleMappings:
      - { claim: s3-readers, roleArn: 'arn:aws:iam::123456789012:role/S3ReadOnlyMCPRole', priority: 10 }
      - matcher: '"admins" in claims["groups"] && claims["org"] == "engineering"'
        roleArn: arn:aws:iam::123456789012:role/AdminMCPRole
        priority: 1
`;

type Expect =
  | {
      ok: true;
      source: 'MCPExternalAuthConfig' | 'awsSts';
      name?: string;
      mappings: number;
      warnings?: RegExp[];
    }
  | { ok: false; issues: { path: string; code: string; line?: number; message?: RegExp }[] };

const cases: { name: string; text: string; expect: Expect }[] = [
  {
    name: 'the tutorial resource (v1beta1)',
    text: resource(tutorialAwsSts),
    expect: {
      ok: true,
      source: 'MCPExternalAuthConfig',
      name: 'aws-mcp-sts-auth',
      mappings: 2,
      warnings: [],
    },
  },
  {
    name: 'v1alpha1 is served but deprecated',
    text: resource(tutorialAwsSts, 'toolhive.stacklok.dev/v1alpha1'),
    expect: {
      ok: true,
      source: 'MCPExternalAuthConfig',
      name: 'aws-mcp-sts-auth',
      mappings: 2,
      warnings: [/v1alpha1 is deprecated; use v1beta1/],
    },
  },
  {
    name: 'multi-document file: the MCPExternalAuthConfig is picked',
    text: `apiVersion: toolhive.stacklok.dev/v1beta1
kind: MCPOIDCConfig
metadata: { name: aws-mcp-oidc }
spec: { type: inline, inline: { issuer: https://issuer.example.com } }
---
${resource(tutorialAwsSts)}---
apiVersion: toolhive.stacklok.dev/v1beta1
kind: MCPRemoteProxy
metadata: { name: aws-mcp-proxy }
spec: { remoteUrl: https://aws-mcp.us-east-1.api.aws/mcp }
`,
    expect: { ok: true, source: 'MCPExternalAuthConfig', name: 'aws-mcp-sts-auth', mappings: 2 },
  },
  {
    name: 'bare awsSts YAML',
    text: 'region: us-east-1\nfallbackRoleArn: arn:aws:iam::123456789012:role/R\n',
    expect: { ok: true, source: 'awsSts', mappings: 0 },
  },
  {
    name: 'bare awsSts JSON',
    text: '{"region": "us-east-1", "roleMappings": [{"claim": "admins", "roleArn": "arn:aws:iam::123456789012:role/R"}]}',
    expect: { ok: true, source: 'awsSts', mappings: 1 },
  },
  {
    name: 'awsSts: wrapper',
    text: 'awsSts:\n  region: us-east-1\n  fallbackRoleArn: arn:aws:iam::123456789012:role/R\n',
    expect: { ok: true, source: 'awsSts', mappings: 0 },
  },
  {
    name: 'subjectProviderName is accepted with a warning',
    text: 'region: us-east-1\nfallbackRoleArn: arn:aws:iam::123456789012:role/R\nsubjectProviderName: okta\n',
    expect: {
      ok: true,
      source: 'awsSts',
      mappings: 0,
      warnings: [/only by VirtualMCPServer backends.*an MCPRemoteProxy ignores it/],
    },
  },
  {
    name: 'a subjectProviderName no upstream provider can have is accepted, with a second warning',
    text: 'region: us-east-1\nfallbackRoleArn: arn:aws:iam::123456789012:role/R\nsubjectProviderName: Okta_Prod\n',
    expect: {
      ok: true,
      source: 'awsSts',
      mappings: 0,
      warnings: [/only by VirtualMCPServer/, /"Okta_Prod" can never name an upstream provider/],
    },
  },
  {
    name: 'YAML syntax error has line and column',
    text: 'region: us-east-1\nroleMappings: [\n',
    expect: {
      ok: false,
      issues: [
        {
          path: '',
          code: 'INVALID_CONFIG',
          line: 3,
          message: /^YAML syntax error at line 3, column 1: /,
        },
      ],
    },
  },
  {
    name: 'duplicate keys are a YAML error',
    text: 'region: us-east-1\nregion: eu-west-1\n',
    expect: {
      ok: false,
      issues: [{ path: '', code: 'INVALID_CONFIG', line: 2, message: /unique/ }],
    },
  },
  {
    name: 'JSON syntax error',
    text: '{"region": "us-east-1",,}',
    expect: { ok: false, issues: [{ path: '', code: 'INVALID_CONFIG', line: 1 }] },
  },
  {
    name: 'empty file',
    text: '# nothing\n',
    expect: { ok: false, issues: [{ path: '', code: 'INVALID_CONFIG', message: /empty/ }] },
  },
  {
    name: 'no MCPExternalAuthConfig among resources',
    text: 'kind: MCPRemoteProxy\nspec: {}\n',
    expect: {
      ok: false,
      issues: [
        {
          path: '',
          code: 'INVALID_CONFIG',
          message: /no MCPExternalAuthConfig found \(documents: MCPRemoteProxy\)/,
        },
      ],
    },
  },
  {
    name: 'a type other than awsSts',
    text: resource('  tokenExchange: {}\n', undefined, 'tokenExchange'),
    expect: {
      ok: false,
      issues: [
        { path: 'spec.type', code: 'INVALID_CONFIG', line: 5, message: /must have type: awsSts/ },
      ],
    },
  },
  {
    name: 'type awsSts without awsSts: the CRD rule message',
    text: resource(''),
    expect: {
      ok: false,
      issues: [
        {
          path: 'spec.awsSts',
          code: 'INVALID_CONFIG',
          message: /^awsSts configuration must be set if and only if type is 'awsSts'/,
        },
      ],
    },
  },
  {
    name: 'another sub-config next to awsSts',
    text: resource(`${tutorialAwsSts}  bearerToken: {}\n`),
    expect: {
      ok: false,
      issues: [
        {
          path: 'spec.bearerToken',
          code: 'INVALID_CONFIG',
          message: /bearerToken configuration must be set if and only if type is 'bearerToken'/,
        },
      ],
    },
  },
  {
    name: 'apiVersion not served',
    text: resource(tutorialAwsSts, 'toolhive.stacklok.dev/v1'),
    expect: { ok: false, issues: [{ path: 'apiVersion', code: 'INVALID_CONFIG', line: 1 }] },
  },
  {
    name: 'two awsSts resources',
    text: `${resource(tutorialAwsSts)}---\n${resource(tutorialAwsSts)}`,
    expect: {
      ok: false,
      issues: [
        { path: '', code: 'INVALID_CONFIG', message: /found 2 MCPExternalAuthConfig resources/ },
      ],
    },
  },
  {
    name: 'awsSts problems: paths relative to awsSts, lines in the file',
    text: resource(`  awsSts:
    region: us-east-1
    roleMappings:
      - claim: admins
        roleArn: arn:aws:iam::123456789012:user/bob
      - matcher: 'foo(claims)'
        roleArn: arn:aws:iam::123456789012:role/R
    sessionDuration: 60
`),
    expect: {
      ok: false,
      issues: [
        { path: 'awsSts.roleMappings[0].roleArn', code: 'INVALID_ROLE_ARN', line: 10 },
        { path: 'awsSts.roleMappings[1].matcher', code: 'INVALID_MATCHER', line: 11 },
        { path: 'awsSts.sessionDuration', code: 'INVALID_CONFIG', line: 13 },
      ],
    },
  },
  {
    name: 'a missing field points at its parent',
    text: 'fallbackRoleArn: arn:aws:iam::123456789012:role/R\n',
    expect: { ok: false, issues: [{ path: 'awsSts.region', code: 'INVALID_CONFIG', line: 1 }] },
  },
];

for (const c of cases) {
  test(`loadAwsStsConfig: ${c.name}`, () => {
    const result = loadAwsStsConfig(c.text);
    if (c.expect.ok) {
      assert.ok(result.ok, JSON.stringify(result));
      assert.equal(result.source, c.expect.source);
      assert.equal(result.name, c.expect.name);
      assert.equal(result.config.roleMappings.length, c.expect.mappings);
      if (c.expect.warnings) {
        assert.equal(
          result.warnings.length,
          c.expect.warnings.length,
          JSON.stringify(result.warnings)
        );
        c.expect.warnings.forEach((re, i) => assert.match(result.warnings[i] ?? '', re));
      }
      return;
    }
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.deepEqual(
      result.issues.map(({ path, code }) => ({ path, code })),
      c.expect.issues.map(({ path, code }) => ({ path, code }))
    );
    c.expect.issues.forEach((expected, i) => {
      const found = result.issues[i];
      if (expected.line !== undefined) assert.equal(found?.line, expected.line, found?.message);
      if (expected.message) assert.match(found?.message ?? '', expected.message);
    });
  });
}
