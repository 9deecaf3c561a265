// The tutorial and the policy generator agree: every IAM document, ToolHive resource, Gateway
// API and Ingress resource and AWS CLI command the tutorial shows equals the generator's output
// for the tutorial's values, once the placeholders are filled with their examples.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse as parseYaml, parseAllDocuments } from 'yaml';
import { readDocPage, docsRoot } from './lib/mdx';
import { fillWithExamples } from '../../sandbox/src/tutorial/placeholders';
import {
  awsCliWords,
  cleanupCommands,
  formatAwsCliCommand,
  generateArtifacts,
  generateAwsStsSpec,
  generateTrustPolicy,
  planAwsCli,
  setupCommands,
  toYaml,
  TUTORIAL_VALUES,
  type GeneratorInput,
} from '../../sandbox/src/policy';

const page = readDocPage(`${docsRoot}/toolhive/tutorials/aws-sts-integration.mdx`);

/** The fences with this title, placeholders filled. */
function blocks(title: string): string[] {
  return page.fences
    .filter((fence) =>
      new RegExp(`title="${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`).test(fence.meta ?? '')
    )
    .map((fence) => fillWithExamples(fence.value));
}

function block(title: string): string {
  const [first] = blocks(title);
  assert.ok(first !== undefined, `the tutorial has no block titled "${title}"`);
  return first;
}

/** Only trailing white space (per line and at the end) is allowed to differ. */
const normalize = (text: string): string =>
  text
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trimEnd();

function assertSameText(actual: string, expected: string, what: string): void {
  assert.equal(normalize(actual), normalize(expected), `${what} differs from the tutorial`);
}

/** Parsed values are equal and every object lists its keys in the same order. */
function assertSameStructure(actual: unknown, expected: unknown, what: string): void {
  assert.deepEqual(actual, expected, what);
  assert.equal(JSON.stringify(actual), JSON.stringify(expected), `${what}: key order`);
}

/** The words of each command in a bash block (continuations joined; no quoting in these blocks). */
function commandWords(text: string): string[][] {
  return text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => line.split(/\s+/));
}

const generated = generateArtifacts(TUTORIAL_VALUES);
assert.ok(generated.ok, JSON.stringify(!generated.ok && generated.issues));
const { files, values } = generated;
const file = (path: string): string => {
  const text = files[path];
  assert.ok(text !== undefined, `the generator wrote no ${path}`);
  return text;
};

/** The tutorial saves shared documents under friendlier names than the generator's per-role files. */
const TUTORIAL_FILE_NAMES: Record<string, string> = {
  'trust-policy-DefaultMCPRole.json': 'trust-policy.json',
  'trust-policy-S3ReadOnlyMCPRole.json': 'trust-policy.json',
  'permission-policy-DefaultMCPRole.json': 'default-role-permissions.json',
  'permission-policy-S3ReadOnlyMCPRole.json': 's3-readonly-permissions.json',
};
const tutorialFileName = (name: string): string => {
  const mapped = TUTORIAL_FILE_NAMES[name];
  assert.ok(mapped, `no tutorial name for ${name}`);
  return mapped;
};

test('TUTORIAL_VALUES are the example values of the tutorial', () => {
  assert.equal(values.issuer, `https://${fillWithExamples('<ISSUER>')}`);
  assert.equal(values.audience, fillWithExamples('<AUDIENCE>'));
  assert.equal(values.accountId, fillWithExamples('<ACCOUNT_ID>'));
  assert.equal(values.domain, fillWithExamples('<DOMAIN>'));
  assert.match(page.source, /uses the `us-east-1` Region and the `toolhive-system` namespace/);
  assert.equal(values.region, 'us-east-1');
  assert.equal(values.namespace, 'toolhive-system');
});

test('trust-policy.json is the trust policy the generator writes for both roles', () => {
  const tutorial = block('trust-policy.json');
  assertSameText(
    file('aws/trust-policy-DefaultMCPRole.json'),
    tutorial,
    'DefaultMCPRole trust policy'
  );
  assertSameText(
    file('aws/trust-policy-S3ReadOnlyMCPRole.json'),
    tutorial,
    'S3ReadOnlyMCPRole trust policy'
  );
});

test('the subject allow-list condition is what restrictSubjects generates', () => {
  const subjects = ['alice@example.com', 'bob@example.com'];
  const policy = generateTrustPolicy(values, { restrictSubjects: subjects });
  const condition = policy.Statement[0]?.Condition;
  // Filled with real values the line is longer than the placeholder version prettier wrapped,
  // so compare structure and key order rather than text.
  assertSameStructure(
    condition,
    JSON.parse(block('Trust policy condition with a subject allow list')),
    'condition'
  );
});

test('default-role-permissions.json and s3-readonly-permissions.json are the generated policies', () => {
  assertSameText(
    file('aws/permission-policy-DefaultMCPRole.json'),
    block('default-role-permissions.json'),
    'default preset'
  );
  assertSameText(
    file('aws/permission-policy-S3ReadOnlyMCPRole.json'),
    block('s3-readonly-permissions.json'),
    's3-read-only preset'
  );
});

test('"Register the OIDC provider" is the generator\'s create-open-id-connect-provider call', () => {
  const [create] = setupCommands(values);
  assert.ok(create);
  assertSameText(
    formatAwsCliCommand(create),
    block('Register the OIDC provider'),
    'provider registration'
  );
});

test('"Create the IAM roles" is the generator\'s create-role and put-role-policy calls, in order', () => {
  const roleCommands = setupCommands(values).slice(1);
  const text = roleCommands
    .map((command) => formatAwsCliCommand(command, { fileName: tutorialFileName }))
    .join('\n\n');
  assertSameText(text, block('Create the IAM roles'), 'role creation');
  // setup.sh runs the same calls (with existence checks and per-role file names).
  const setup = file('aws/setup.sh');
  for (const command of roleCommands)
    assert.ok(
      setup.includes(
        formatAwsCliCommand(command, { indent: command.operation === 'create-role' ? '  ' : '' })
      ),
      command.operation
    );
});

test('"Delete the AWS resources" runs the generator\'s cleanup calls, in order', () => {
  assert.deepEqual(
    commandWords(block('Delete the AWS resources')),
    cleanupCommands(values).map((command) => ['aws', ...awsCliWords(command)])
  );
});

test('"Add an audience to the OIDC provider" is the call setup.sh makes for an existing provider', () => {
  assert.deepEqual(commandWords(block('Add an audience to the OIDC provider')), [
    ['aws', ...awsCliWords(planAwsCli(values).provider.addClientId)],
  ]);
});

test('aws-sts-auth-config.yaml (the main one) is k8s/mcpexternalauthconfig.yaml', () => {
  assertSameText(
    file('k8s/mcpexternalauthconfig.yaml'),
    block('aws-sts-auth-config.yaml'),
    'MCPExternalAuthConfig'
  );
});

test('the Auth0 and Entra ID variants of aws-sts-auth-config.yaml follow from roleClaim and sessionNameClaim', () => {
  const variants: [string, Partial<GeneratorInput>][] = [
    [
      'Auth0',
      { roleClaim: 'https://example.com/groups', sessionNameClaim: 'https://example.com/email' },
    ],
    ['Entra ID', { roleClaim: 'roles' }],
  ];
  const shown = blocks('aws-sts-auth-config.yaml').slice(1);
  assert.equal(shown.length, variants.length);
  variants.forEach(([name, change], i) => {
    const result = generateArtifacts({ ...TUTORIAL_VALUES, ...change });
    assert.ok(result.ok);
    assertSameText(
      result.files['k8s/mcpexternalauthconfig.yaml'] ?? '',
      shown[i] ?? '',
      `${name} variant`
    );
  });
});

test('"A role mapping with a CEL matcher" is what a matcher role generates', () => {
  const result = generateArtifacts({
    ...TUTORIAL_VALUES,
    roles: [
      {
        name: 'S3ReadOnlyMCPRole',
        matcher: '"s3-readers" in claims["groups"] && claims["email_verified"] == true',
        priority: 5,
        permissions: 's3-read-only',
      },
    ],
  });
  assert.ok(result.ok, JSON.stringify(!result.ok && result.issues));
  const shown = parseYaml(block('A role mapping with a CEL matcher')) as unknown;
  assertSameStructure(
    { roleMappings: generateAwsStsSpec(result.values).roleMappings },
    shown,
    'matcher mapping'
  );
  // The generator writes it on one line; prettier wrapped the tutorial's copy at 80 columns.
  assert.match(
    toYaml({ roleMappings: generateAwsStsSpec(result.values).roleMappings }),
    /- matcher: '"s3-readers" in claims\["groups"\] && claims\["email_verified"\] == true'/
  );
});

test('aws-mcp-oidc.yaml and aws-mcp-proxy.yaml are k8s/mcpoidcconfig.yaml and k8s/mcpremoteproxy.yaml', () => {
  assertSameText(file('k8s/mcpoidcconfig.yaml'), block('aws-mcp-oidc.yaml'), 'MCPOIDCConfig');
  assertSameText(file('k8s/mcpremoteproxy.yaml'), block('aws-mcp-proxy.yaml'), 'MCPRemoteProxy');
});

test('aws-mcp-gateway.yaml and aws-mcp-route.yaml are the two documents of k8s/gateway.yaml', () => {
  const [gateway, route, ...rest] = file('k8s/gateway.yaml').split(/^---$/m);
  assert.equal(rest.length, 0);
  assertSameText(gateway ?? '', block('aws-mcp-gateway.yaml'), 'Gateway');
  assertSameText(route?.replace(/^\n/, '') ?? '', block('aws-mcp-route.yaml'), 'HTTPRoute');
  assert.equal(parseAllDocuments(file('k8s/gateway.yaml')).length, 2);
});

test('aws-mcp-ingress.yaml is k8s/ingress.yaml', () => {
  assertSameText(file('k8s/ingress.yaml'), block('aws-mcp-ingress.yaml'), 'Ingress');
});

test('the embedded authorization server variant of aws-sts-auth-config.yaml is what its values generate', () => {
  const result = generateArtifacts({
    ...TUTORIAL_VALUES,
    sessionNameClaim: 'email',
    roles: [
      {
        name: 'S3ReadOnlyMCPRole',
        matcher: 'claims["email"] in ["alice@example.com", "carol@example.com"]',
        priority: 10,
        permissions: 's3-read-only',
      },
    ],
  });
  assert.ok(result.ok, JSON.stringify(!result.ok && result.issues));
  // prettier may wrap the long matcher line, so compare structure and key order.
  assertSameStructure(
    parseYaml(block('aws-sts-auth-config.yaml for the embedded authorization server')),
    parseYaml(result.files['k8s/mcpexternalauthconfig.yaml'] ?? ''),
    'embedded authorization server variant'
  );
});

test('the embedded authorization server variant keeps the proxy, names and audience consistent', () => {
  const proxy = parseYaml(block('aws-mcp-proxy.yaml with the embedded authorization server')) as {
    metadata: { name: string };
    spec: Record<string, { name?: string; audience?: string; resourceUrl?: string }>;
  };
  const auth = parseYaml(block('aws-mcp-embedded-auth.yaml')) as {
    metadata: { name: string };
    spec: {
      embeddedAuthServer: {
        issuer: string;
        upstreamProviders: { oidcConfig: { issuerUrl: string; redirectUri: string } }[];
      };
    };
  };
  const oidc = parseYaml(block('aws-mcp-embedded-oidc.yaml')) as {
    metadata: { name: string };
    spec: { inline: { issuer: string } };
  };
  const generatedProxy = parseYaml(file('k8s/mcpremoteproxy.yaml')) as {
    spec: { remoteUrl: string; externalAuthConfigRef: { name: string } };
  };
  assert.equal(proxy.metadata.name, 'aws-mcp-proxy');
  assert.equal(proxy.spec.remoteUrl as unknown, generatedProxy.spec.remoteUrl);
  assert.deepEqual(proxy.spec.externalAuthConfigRef, generatedProxy.spec.externalAuthConfigRef);
  assert.deepEqual(proxy.spec.authServerRef, {
    kind: 'MCPExternalAuthConfig',
    name: auth.metadata.name,
  });
  assert.equal(proxy.spec.oidcConfigRef?.name, oidc.metadata.name);
  // ToolHive's tokens are issued for resourceUrl, by the authorization server's issuer.
  assert.equal(proxy.spec.oidcConfigRef?.audience, proxy.spec.oidcConfigRef?.resourceUrl);
  assert.equal(oidc.spec.inline.issuer, auth.spec.embeddedAuthServer.issuer);
  assert.equal(`${auth.spec.embeddedAuthServer.issuer}/mcp`, proxy.spec.oidcConfigRef?.resourceUrl);
  // The upstream is the IdP that IAM trusts (Step 1), so STS accepts its tokens.
  const [upstream] = auth.spec.embeddedAuthServer.upstreamProviders;
  assert.equal(upstream?.oidcConfig.issuerUrl, values.issuer);
  assert.equal(upstream?.oidcConfig.redirectUri, `https://${values.domain}/oauth/callback`);
});
