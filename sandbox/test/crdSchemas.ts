// Validates ToolHive resources against the real, vendored CRD schemas (sandbox/crds) with ajv, and
// Ingress manifests against Kubernetes' own OpenAPI schema (sandbox/crds/kubernetes).
// Test support only: it reads files with node:fs and is never bundled into the site.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { run as runCel } from '@bufbuild/cel';

const crdDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'crds');
const kubernetesDir = join(crdDir, 'kubernetes');

/** Built-in kinds with a vendored OpenAPI schema: `apiVersion/kind` → file and schema name. */
const BUILT_IN_SCHEMAS: Record<string, { file: string; schema: string }> = {
  'networking.k8s.io/v1/Ingress': {
    file: 'networking.k8s.io_v1_ingress.openapi.json',
    schema: 'io.k8s.api.networking.v1.Ingress',
  },
};

interface CrdVersion {
  name: string;
  served: boolean;
  schema: { openAPIV3Schema: Record<string, unknown> };
}
interface Crd {
  spec: { group: string; names: { kind: string }; versions: CrdVersion[] };
}

/** Go's RE2 POSIX class `[:space:]` (inside a bracket expression) has no JavaScript equivalent. */
function toJsPattern(pattern: string): string {
  return pattern.replaceAll('[:space:]', '\\s');
}

/**
 * Makes a CRD schema behave like the API server with kubectl's default strict field validation:
 * RE2 patterns translated, and unknown fields rejected wherever the schema lists properties and
 * does not preserve unknown fields (so `remoteURL` under v1beta1 fails as `kubectl apply` does).
 */
function toStrictJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toStrictJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] =
      key === 'pattern' && typeof value === 'string'
        ? toJsPattern(value)
        : toStrictJsonSchema(value);
  }
  if (
    'properties' in out &&
    !('additionalProperties' in out) &&
    out['x-kubernetes-preserve-unknown-fields'] !== true
  ) {
    out.additionalProperties = false;
  }
  return out;
}

function createAjv(): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('int32', {
    type: 'number',
    validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31,
  });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  ajv.addFormat('date-time', {
    type: 'string',
    validate: (s: string) => !Number.isNaN(Date.parse(s)),
  });
  return ajv;
}

interface SchemaNode {
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  additionalProperties?: SchemaNode | boolean;
  'x-kubernetes-validations'?: { rule: string; message?: string }[];
}

/** JSON values as CEL sees Kubernetes objects: maps for objects, int for whole numbers. */
function toCelValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toCelValue);
  if (value !== null && typeof value === 'object') {
    return new Map(Object.entries(value).map(([k, v]) => [k, toCelValue(v)]));
  }
  if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value);
  return value;
}

/**
 * Evaluates the schema's `x-kubernetes-validations` CEL rules (which ajv ignores) on every node
 * the resource has. Transition rules (`oldSelf`) only apply to updates and are skipped.
 */
function checkCelRules(schema: SchemaNode, value: unknown, path: string, errors: string[]): void {
  if (value === undefined || value === null) return;
  for (const { rule, message } of schema['x-kubernetes-validations'] ?? []) {
    if (rule.includes('oldSelf')) continue;
    let result: unknown;
    try {
      result = runCel(rule, { self: toCelValue(value) as never });
    } catch (error) {
      result = error;
    }
    if (result !== true) {
      const why = result === false ? (message ?? `failed rule ${rule}`) : `rule ${rule} errored`;
      errors.push(`${path || '/'} ${why}`);
    }
  }
  if (Array.isArray(value)) {
    if (schema.items)
      value.forEach((v, i) => checkCelRules(schema.items!, v, `${path}/${i}`, errors));
    return;
  }
  if (typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value)) {
    const sub =
      schema.properties?.[key] ??
      (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined);
    if (sub) checkCelRules(sub, child, `${path}/${key}`, errors);
  }
}

const rawSchemas = new Map<string, SchemaNode>();
const validators = new Map<string, ValidateFunction>();

function loadValidators(): Map<string, ValidateFunction> {
  if (validators.size > 0) return validators;
  const ajv = createAjv();
  for (const file of readdirSync(crdDir).filter((f) => f.endsWith('.yaml'))) {
    const crd = parse(readFileSync(join(crdDir, file), 'utf8')) as Crd;
    for (const version of crd.spec.versions) {
      if (!version.served) continue;
      const key = `${crd.spec.group}/${version.name}/${crd.spec.names.kind}`;
      rawSchemas.set(key, version.schema.openAPIV3Schema as SchemaNode);
      validators.set(
        key,
        ajv.compile(toStrictJsonSchema(version.schema.openAPIV3Schema) as object)
      );
    }
  }
  for (const [key, { file, schema }] of Object.entries(BUILT_IN_SCHEMAS)) {
    const document = JSON.parse(readFileSync(join(kubernetesDir, file), 'utf8')) as object;
    if (!ajv.getSchema(file)) ajv.addSchema(toStrictJsonSchema(document) as object, file);
    validators.set(key, ajv.compile({ $ref: `${file}#/components/schemas/${schema}` }));
  }
  return validators;
}

/** The `apiVersion/kind` pairs we have schemas for, e.g. `toolhive.stacklok.dev/v1beta1/MCPRemoteProxy`. */
export function knownResourceTypes(): string[] {
  return [...loadValidators().keys()].sort();
}

/**
 * Validates one parsed resource (a ToolHive kind, or a built-in kind listed in BUILT_IN_SCHEMAS);
 * returns human-readable errors (empty when valid).
 */
export function validateResource(resource: unknown): string[] {
  if (resource === null || typeof resource !== 'object') return ['resource is not an object'];
  const { apiVersion, kind } = resource as { apiVersion?: unknown; kind?: unknown };
  const key = `${String(apiVersion)}/${String(kind)}`;
  const validate = loadValidators().get(key);
  if (!validate) return [`no CRD schema for ${key} (known: ${knownResourceTypes().join(', ')})`];
  const celErrors: string[] = [];
  const raw = rawSchemas.get(key);
  if (raw) checkCelRules(raw, resource, '', celErrors);
  if (validate(resource)) return celErrors;
  return celErrors.concat(
    (validate.errors ?? []).map(
      (e) =>
        `${e.instancePath || '/'} ${e.message ?? 'is invalid'}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`
    )
  );
}

/** The ToolHive resources' name for `validateResource`. */
export const validateToolHiveResource = validateResource;

/** Whether `validateResource` has a schema for this `apiVersion` and `kind`. */
export function hasSchemaFor(apiVersion: string, kind: string): boolean {
  return loadValidators().has(`${apiVersion}/${kind}`);
}
