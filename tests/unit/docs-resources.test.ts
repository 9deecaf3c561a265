// Every resource the docs ask a reader to apply is valid: ToolHive YAML against the real v1beta1
// CRD schemas, Ingress manifests against Kubernetes' own schema (placeholders filled with the
// example values), and every JSON block parses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAllDocuments } from 'yaml';
import { readAllDocPages } from './lib/mdx';
import { hasSchemaFor, validateResource } from '../../sandbox/test/crdSchemas';
import { fillWithExamples, PLACEHOLDERS } from '../../sandbox/src/tutorial/placeholders';

const pages = readAllDocPages();

test('placeholder examples contain no placeholders themselves', () => {
  for (const p of PLACEHOLDERS) assert.doesNotMatch(p.example, /[<>]/);
});

let toolHiveResources = 0;
let ingresses = 0;

for (const page of pages) {
  for (const fence of page.fences.filter((f) => f.lang === 'yaml' || f.lang === 'yml')) {
    const where = `${page.file}:${fence.line}`;
    test(`${where}: YAML parses and ToolHive resources validate against the v1beta1 CRD`, () => {
      const docs = parseAllDocuments(fillWithExamples(fence.value));
      for (const doc of docs) {
        assert.deepEqual(doc.errors, [], `${where}: YAML error`);
        const resource = doc.toJS() as { apiVersion?: string; kind?: string } | null;
        if (resource?.apiVersion === 'networking.k8s.io/v1' && resource.kind === 'Ingress') {
          ingresses += 1;
          assert.ok(hasSchemaFor(resource.apiVersion, resource.kind));
          assert.deepEqual(validateResource(resource), [], `${where}: invalid Ingress`);
          continue;
        }
        if (!resource?.apiVersion?.startsWith('toolhive.stacklok.dev/')) continue;
        toolHiveResources += 1;
        assert.equal(resource.apiVersion, 'toolhive.stacklok.dev/v1beta1', `${where}: use v1beta1`);
        assert.deepEqual(validateResource(resource), [], `${where}: invalid resource`);
      }
    });
  }

  for (const fence of page.fences.filter((f) => f.lang === 'json')) {
    test(`${page.file}:${fence.line}: JSON parses`, () => {
      assert.doesNotThrow(() => JSON.parse(fillWithExamples(fence.value)));
    });
  }
}

test('the docs contain ToolHive resources to validate', () => {
  // Runs after the per-fence tests above (node:test runs top-level tests in order).
  assert.ok(toolHiveResources >= 5, `only ${toolHiveResources} ToolHive resources found`);
  assert.ok(ingresses >= 2, `only ${ingresses} Ingress manifests found`);
});

test('the tutorial shows each resource kind the reader must apply', () => {
  const tutorial = pages.find((p) => p.file.endsWith('tutorials/aws-sts-integration.mdx'));
  assert.ok(tutorial);
  const yaml = tutorial.fences
    .filter((f) => f.lang === 'yaml')
    .map((f) => f.value)
    .join('\n---\n');
  for (const kind of [
    'MCPExternalAuthConfig',
    'MCPOIDCConfig',
    'MCPRemoteProxy',
    'Gateway',
    'HTTPRoute',
    'Ingress',
  ]) {
    assert.match(yaml, new RegExp(`kind: ${kind}\\b`), `${kind} is missing`);
  }
  assert.match(yaml, /type: awsSts/);
  assert.match(yaml, /remoteUrl: https:\/\/aws-mcp\.us-east-1\.api\.aws\/mcp/);
});
