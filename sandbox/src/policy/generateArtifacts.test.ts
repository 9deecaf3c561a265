// generateArtifacts: the file set and its order, sizes within IAM's quotas, and values read
// from JSON or YAML text (syntax errors and duplicate keys refused with their line).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stringify } from 'yaml';
import { checkPolicySize, validatePolicy } from '../iam';
import { generateArtifacts, generateArtifactsFromText } from './generateArtifacts';
import { parseGeneratorValues } from './input/parseValues';
import { TUTORIAL_VALUES } from './input/tutorialValues';

const SPEC_EXAMPLE = {
  issuer: 'https://dev-123456.okta.com/oauth2/default',
  audience: 'toolhive-aws',
  accountId: '123456789012',
  partition: 'aws',
  region: 'us-east-1',
  namespace: 'toolhive-system',
  domain: 'mcp.example.com',
  roleClaim: 'groups',
  sessionNameClaim: 'sub',
  sessionDuration: 3600,
  fallbackRole: { name: 'DefaultMCPRole', permissions: 'default' },
  roles: [
    { name: 'S3ReadOnlyMCPRole', claim: 's3-readers', priority: 10, permissions: 's3-read-only' },
    {
      name: 'AdminMCPRole',
      matcher: '"admins" in claims["groups"]',
      priority: 1,
      permissions: { actions: ['ec2:Describe*'], resources: ['*'] },
    },
  ],
  restrictSubjects: [],
};

describe('generateArtifacts', () => {
  it('writes every file, named as documented, in README order', () => {
    const result = generateArtifacts(SPEC_EXAMPLE);
    assert.ok(result.ok, JSON.stringify(!result.ok && result.issues));
    assert.deepEqual(Object.keys(result.files), [
      'README.md',
      'aws/trust-policy-DefaultMCPRole.json',
      'aws/permission-policy-DefaultMCPRole.json',
      'aws/trust-policy-S3ReadOnlyMCPRole.json',
      'aws/permission-policy-S3ReadOnlyMCPRole.json',
      'aws/trust-policy-AdminMCPRole.json',
      'aws/permission-policy-AdminMCPRole.json',
      'aws/setup.sh',
      'aws/cleanup.sh',
      'k8s/mcpexternalauthconfig.yaml',
      'k8s/mcpoidcconfig.yaml',
      'k8s/mcpremoteproxy.yaml',
      'k8s/gateway.yaml',
      'k8s/ingress.yaml',
    ]);
    for (const [path, text] of Object.entries(result.files)) {
      assert.ok(text.endsWith('\n') && !text.endsWith('\n\n'), `${path} ends with one newline`);
    }
    const readme = result.files['README.md'] ?? '';
    for (const path of Object.keys(result.files))
      assert.ok(readme.includes(`\`${path}\``), `README lists ${path}`);
    assert.ok(
      readme.indexOf('bash aws/setup.sh') <
        readme.indexOf('kubectl apply -f k8s/mcpexternalauthconfig.yaml'),
      'AWS first, then Kubernetes'
    );
    assert.match(
      readme,
      /`AdminMCPRole` \(when the CEL matcher `"admins" in claims\["groups"\]` holds, priority 1\)/
    );
  });

  it("every IAM document parses and fits its quota (the sum of a role's inline policies too)", () => {
    const result = generateArtifacts(SPEC_EXAMPLE);
    assert.ok(result.ok);
    for (const [path, text] of Object.entries(result.files)) {
      if (!path.endsWith('.json')) continue;
      const kind = path.includes('trust-policy') ? 'trust' : 'identity';
      const parsed = validatePolicy(text, { kind });
      assert.ok(parsed.ok, `${path}: ${JSON.stringify(parsed.problems)}`);
      assert.ok(checkPolicySize(text, kind === 'trust' ? 'trust' : 'inlineRole').ok, path);
    }
  });

  it('never uses the retired aws-mcp:* actions', () => {
    const result = generateArtifacts(SPEC_EXAMPLE);
    assert.ok(result.ok);
    assert.doesNotMatch(Object.values(result.files).join('\n'), /aws-mcp:(InvokeMcp|Call|\*)/);
  });

  it('returns issues, not files, for bad values', () => {
    const result = generateArtifacts({ ...SPEC_EXAMPLE, accountId: '1' });
    assert.equal(result.ok, false);
    assert.ok(!result.ok && result.issues.some((i) => i.path === 'accountId'));
  });
});

describe('values as text', () => {
  it('JSON and YAML give the same files', () => {
    const fromJson = generateArtifactsFromText(JSON.stringify(TUTORIAL_VALUES));
    const fromYaml = generateArtifactsFromText(stringify(TUTORIAL_VALUES));
    assert.ok(fromJson.ok && fromYaml.ok);
    assert.deepEqual(fromJson.files, fromYaml.files);
  });

  const refused = [
    { name: 'empty text', text: '  \n', says: /empty/ },
    {
      name: 'a YAML syntax error, with its line',
      text: 'issuer: x\nroles: [\n',
      says: /not valid JSON or YAML at line 3/,
    },
    {
      name: 'a JSON syntax error, with its line',
      text: '{\n  "issuer": "a",\n}',
      says: /not valid JSON at line 3, column 1/,
    },
    {
      name: 'a JSON value missing',
      text: '{"issuer": }',
      says: /not valid JSON: Unexpected token/,
    },
    {
      name: 'a duplicate key in JSON',
      text: '{"issuer": "a", "issuer": "b"}',
      says: /unique|duplicate/i,
    },
    {
      name: 'a duplicate key',
      text: 'issuer: a\nissuer: b\n',
      says: /line 2.*(unique|duplicate)/i,
    },
  ];
  for (const c of refused) {
    it(`refuses ${c.name}`, () => {
      const parsed = parseGeneratorValues(c.text);
      assert.equal(parsed.ok, false);
      if (!parsed.ok) assert.match(parsed.issues.map((i) => i.message).join('\n'), c.says);
    });
  }

  it('a YAML number where a string belongs is reported, not coerced', () => {
    const result = generateArtifactsFromText(
      stringify({ ...TUTORIAL_VALUES }).replace(/^accountId: .*$/m, 'accountId: 123456789012')
    );
    assert.equal(result.ok, false);
    assert.ok(
      !result.ok &&
        /in quotes/.test(result.issues.find((i) => i.path === 'accountId')?.message ?? '')
    );
  });
});
