// The Kubernetes manifests: every ToolHive resource validates against the real v1beta1 CRDs
// (ajv + CEL rules), the awsSts part passes the config module's own validation and loader, and
// ToolHive's role selection on it picks the roles the values describe.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { validateResource, validateToolHiveResource } from '../../../test/crdSchemas';
import { loadAwsStsConfig, validateAwsSts } from '../../config';
import { evaluateRoleMappings, compileRoleMapper } from '../../roles';
import { generateArtifacts } from '../generateArtifacts';
import { TUTORIAL_VALUES } from '../input/tutorialValues';
import type { GeneratorInput } from '../types';

const VALUE_SETS: { name: string; input: GeneratorInput }[] = [
  { name: 'the tutorial', input: { ...TUTORIAL_VALUES } },
  {
    name: 'roles only, CEL matchers, Auth0, defaults',
    input: {
      issuer: 'my-tenant.us.auth0.com/',
      audience: 'https://api.example.com',
      accountId: '000000000001',
      region: 'eu-central-1',
      namespace: 'mcp',
      domain: 'aws-mcp.internal.example.com',
      roleClaim: 'https://example.com/groups',
      roles: [
        {
          name: 'AdminMCPRole',
          matcher:
            '"admins" in claims["https://example.com/groups"] && claims["email_verified"] == true',
          priority: 0,
          permissions: { actions: ['ec2:Describe*'], resources: ['*'] },
        },
        { name: 'S3ReadOnlyMCPRole', claim: 'yes', permissions: 's3-read-only' },
      ],
    },
  },
  {
    name: 'GovCloud with long sessions and subject restrictions',
    input: {
      ...TUTORIAL_VALUES,
      partition: 'aws-us-gov',
      region: 'us-gov-west-1',
      sessionDuration: 43200,
      restrictSubjects: ['alice', 'bob'],
    },
  },
];

for (const { name, input } of VALUE_SETS) {
  describe(`manifests for ${name}`, () => {
    const result = generateArtifacts(input);
    assert.ok(result.ok, JSON.stringify(!result.ok && result.issues));
    const { files, values } = result;
    const documents = Object.entries(files)
      .filter(([path]) => path.startsWith('k8s/'))
      .flatMap(([path, text]) => parseAllDocuments(text).map((doc) => ({ path, doc })));

    it('every YAML document parses; every ToolHive resource is v1beta1 and valid against its CRD', () => {
      const kinds: string[] = [];
      for (const { path, doc } of documents) {
        assert.deepEqual(doc.errors, [], path);
        const resource = doc.toJS() as { apiVersion: string; kind: string };
        kinds.push(resource.kind);
        if (!resource.apiVersion.startsWith('toolhive.stacklok.dev/')) continue;
        assert.equal(resource.apiVersion, 'toolhive.stacklok.dev/v1beta1', path);
        assert.deepEqual(validateToolHiveResource(resource), [], `${path} (${resource.kind})`);
      }
      assert.deepEqual(kinds, [
        'MCPExternalAuthConfig',
        'MCPOIDCConfig',
        'MCPRemoteProxy',
        'Gateway',
        'HTTPRoute',
        'Ingress',
      ]);
    });

    it("the Ingress is valid against Kubernetes' schema and sends the domain to the proxy's Service", () => {
      const ingress = documents.find(({ doc }) => doc.get('kind') === 'Ingress')?.doc.toJS() as {
        spec: {
          tls: { hosts: string[]; secretName: string }[];
          rules: {
            host: string;
            http: { paths: { backend: { service: { name: string; port: unknown } } }[] };
          }[];
        };
      };
      assert.deepEqual(validateResource(ingress), []);
      assert.deepEqual(ingress.spec.tls, [{ hosts: [values.domain], secretName: 'aws-mcp-tls' }]);
      assert.equal(ingress.spec.rules[0]?.host, values.domain);
      assert.deepEqual(ingress.spec.rules[0]?.http.paths[0]?.backend.service, {
        name: 'mcp-aws-mcp-proxy-remote-proxy',
        port: { number: 8080 },
      });
    });

    it('awsSts passes validateAwsSts and loads with loadAwsStsConfig', () => {
      const text = files['k8s/mcpexternalauthconfig.yaml'] ?? '';
      const loaded = loadAwsStsConfig(text);
      assert.ok(loaded.ok, JSON.stringify(!loaded.ok && loaded.issues));
      assert.equal(loaded.name, 'aws-mcp-sts-auth');
      const awsSts = (parseAllDocuments(text)[0]?.toJS() as { spec: { awsSts: unknown } }).spec
        .awsSts;
      assert.ok(validateAwsSts(awsSts).ok);
      assert.equal(loaded.config.sessionDuration, values.sessionDuration);
      assert.equal(loaded.config.roleMappings.length, values.roles.length);
    });

    it("ToolHive's role selection on the generated config picks the described roles", () => {
      const loaded = loadAwsStsConfig(files['k8s/mcpexternalauthconfig.yaml'] ?? '');
      assert.ok(loaded.ok);
      const mapper = compileRoleMapper(loaded.config);
      for (const role of values.roles) {
        const claims: Record<string, unknown> = {
          sub: 'alice',
          email_verified: true,
          [values.roleClaim]: [role.claim ?? 'admins'],
        };
        assert.equal(evaluateRoleMappings(mapper, claims).roleArn, role.arn, role.name);
      }
      const nobody = evaluateRoleMappings(mapper, { sub: 'x', [values.roleClaim]: ['nobody'] });
      assert.equal(nobody.roleArn, values.fallbackRole?.arn ?? null);
    });

    it('the proxy points at the AWS MCP Server of the region and references both configs', () => {
      const proxy = documents
        .find(({ doc }) => doc.get('kind') === 'MCPRemoteProxy')
        ?.doc.toJS() as { spec: Record<string, unknown> };
      assert.deepEqual(proxy.spec, {
        remoteUrl: `https://aws-mcp.${values.region}.api.aws/mcp`,
        transport: 'streamable-http',
        proxyPort: 8080,
        oidcConfigRef: {
          name: 'aws-mcp-oidc',
          audience: values.audience,
          resourceUrl: `https://${values.domain}/mcp`,
        },
        externalAuthConfigRef: { name: 'aws-mcp-sts-auth' },
      });
      const oidc = documents.find(({ doc }) => doc.get('kind') === 'MCPOIDCConfig')?.doc.toJS() as {
        spec: { inline: { issuer: string } };
      };
      assert.equal(
        oidc.spec.inline.issuer,
        values.issuer,
        'the issuer ToolHive checks is the one IAM registers'
      );
    });

    it('the route sends the domain to the Service the operator creates for the proxy', () => {
      const route = documents.find(({ doc }) => doc.get('kind') === 'HTTPRoute')?.doc.toJS() as {
        spec: {
          hostnames: string[];
          parentRefs: { name: string }[];
          rules: { backendRefs: { name: string; port: number }[] }[];
        };
      };
      assert.deepEqual(route.spec.hostnames, [values.domain]);
      assert.deepEqual(route.spec.parentRefs, [{ name: 'aws-mcp-gateway' }]);
      assert.deepEqual(route.spec.rules[0]?.backendRefs, [
        { name: 'mcp-aws-mcp-proxy-remote-proxy', port: 8080 },
      ]);
    });
  });
}
