// Validates an `awsSts` spec against the union of ToolHive's layers (CRD schema, operator,
// runtime, CEL compile), reporting every problem at once. It does not parse YAML (loadAwsStsConfig).

import {
  AWS_STS_FIELDS,
  EXAMPLE_FALLBACK_ROLE_ARN,
  EXAMPLE_REGION,
  EXAMPLE_ROLE_ARN,
  MAX_SESSION_DURATION,
  MIN_SESSION_DURATION,
  REGION_PATTERN,
  REGION_PATTERN_TEXT,
} from './constants';
import { applyDefaults } from './defaults';
import {
  isObject,
  isSet,
  issue,
  roleArnIssue,
  typeIssue,
  typoHint,
  unknownFieldIssues,
} from './issues';
import type { AwsStsSpec, ConfigIssue, ValidationResult } from './types';
import { validateRoleMapping } from './validateRoleMapping';

/** Options of `validateAwsSts`. */
export interface ValidateOptions {
  /** Path prefix of issues; default `awsSts`. */
  path?: string;
}

const STRING_FIELDS = {
  service: 'service: aws-mcp',
  roleClaim: 'roleClaim: groups',
  sessionNameClaim: 'sessionNameClaim: sub',
  subjectProviderName: 'subjectProviderName: okta',
} as const;

/**
 * Checks every rule of ToolHive's layers (the CRD schema; the operator's `validateAWSSts`,
 * stacklok/toolhive `cmd/thv-operator/api/v1beta1/mcpexternalauthconfig_types.go`; the runtime
 * `ValidateConfig`, `pkg/auth/awssts/role_mapper.go`; CEL compilation) and returns the
 * normalized config, or all issues.
 * @example validateAwsSts({ region: 'us-east-1', fallbackRoleArn: 'arn:aws:iam::123456789012:role/R' }).ok // true
 */
export function validateAwsSts(spec: unknown, options: ValidateOptions = {}): ValidationResult {
  const issues = awsStsIssues(spec, options.path ?? 'awsSts');
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, config: applyDefaults(spec as AwsStsSpec) };
}

/**
 * Only the problems the Kubernetes API server's OpenAPI schema reports (layer A).
 * @example checkCrdSchema({ region: 'US' }).length // 1
 */
export function checkCrdSchema(spec: unknown, options: ValidateOptions = {}): ConfigIssue[] {
  return awsStsIssues(spec, options.path ?? 'awsSts').filter((i) => i.layers.includes('schema'));
}

function awsStsIssues(spec: unknown, path: string): ConfigIssue[] {
  if (!isObject(spec)) {
    const what = spec === undefined || spec === null ? 'missing (config is nil)' : `not an object`;
    return [
      issue(
        path,
        'INVALID_CONFIG',
        `${path} is ${what}: write an object with region and fallbackRoleArn or roleMappings, e.g. {region: ${EXAMPLE_REGION}, fallbackRoleArn: ${EXAMPLE_FALLBACK_ROLE_ARN}}`,
        ['schema', 'operator', 'runtime']
      ),
    ];
  }
  return [
    ...regionIssues(spec, path),
    ...roleConfigIssues(spec, path),
    ...fallbackRoleArnIssues(spec, path),
    ...roleMappingsIssues(spec, path),
    ...sessionDurationIssues(spec, path),
    ...Object.entries(STRING_FIELDS).flatMap(([field, example]) =>
      isSet(spec, field) && typeof spec[field] !== 'string'
        ? [typeIssue(`${path}.${field}`, 'a string', spec[field], example)]
        : []
    ),
    ...unknownFieldIssues(spec, path, AWS_STS_FIELDS),
  ];
}

function regionIssues(spec: Record<string, unknown>, path: string): ConfigIssue[] {
  const region = spec.region;
  const fieldPath = `${path}.region`;
  if (!isSet(spec, 'region') || region === '') {
    return [
      issue(
        fieldPath,
        'INVALID_CONFIG',
        `${fieldPath} is required: set the AWS region of the STS endpoint and the AWS MCP Server, ` +
          `e.g. region: ${EXAMPLE_REGION} (runtime: AWS region is required)${typoHint(spec, 'region', AWS_STS_FIELDS)}`,
        ['schema', 'operator', 'runtime']
      ),
    ];
  }
  if (typeof region !== 'string')
    return [typeIssue(fieldPath, 'a string', region, `region: ${EXAMPLE_REGION}`)];
  if (REGION_PATTERN.test(region)) return [];
  return [
    issue(
      fieldPath,
      'INVALID_CONFIG',
      `${fieldPath} "${region}" does not match ${REGION_PATTERN_TEXT}: use a lowercase AWS region code ` +
        `such as us-east-1 or eu-west-2 (the API server rejects it; ToolHive's operator and runtime do not check the format)`,
      ['schema']
    ),
  ];
}

function roleConfigIssues(spec: Record<string, unknown>, path: string): ConfigIssue[] {
  const hasFallback = isSet(spec, 'fallbackRoleArn') && spec.fallbackRoleArn !== '';
  const mappings = spec.roleMappings;
  const hasMappings =
    isSet(spec, 'roleMappings') && (!Array.isArray(mappings) || mappings.length > 0);
  if (hasFallback || hasMappings) return [];
  const hints =
    typoHint(spec, 'fallbackRoleArn', AWS_STS_FIELDS) +
    typoHint(spec, 'roleMappings', AWS_STS_FIELDS);
  return [
    issue(
      path,
      'MISSING_ROLE_CONFIG',
      `${path}: at least one of fallbackRoleArn or roleMappings must be configured: add ` +
        `fallbackRoleArn: ${EXAMPLE_FALLBACK_ROLE_ARN}, or roleMappings such as ` +
        `[{claim: admins, roleArn: ${EXAMPLE_ROLE_ARN}}] (runtime: either role_arn or role_mappings must be configured)${hints}`,
      ['operator', 'runtime']
    ),
  ];
}

function fallbackRoleArnIssues(spec: Record<string, unknown>, path: string): ConfigIssue[] {
  if (!isSet(spec, 'fallbackRoleArn')) return [];
  const value = spec.fallbackRoleArn;
  const fieldPath = `${path}.fallbackRoleArn`;
  const example = `fallbackRoleArn: ${EXAMPLE_FALLBACK_ROLE_ARN}`;
  if (typeof value !== 'string') return [typeIssue(fieldPath, 'a string', value, example)];
  if (value === '') {
    return [
      issue(
        fieldPath,
        'INVALID_ROLE_ARN',
        `${fieldPath} is empty: remove the field or set an IAM role ARN, e.g. ${example} (ToolHive's operator and runtime treat "" as unset, but it fails the CRD pattern)`,
        ['schema']
      ),
    ];
  }
  const arnIssue = roleArnIssue(fieldPath, value, '');
  return arnIssue === undefined ? [] : [arnIssue];
}

function roleMappingsIssues(spec: Record<string, unknown>, path: string): ConfigIssue[] {
  if (!isSet(spec, 'roleMappings')) return [];
  const mappings = spec.roleMappings;
  const fieldPath = `${path}.roleMappings`;
  if (!Array.isArray(mappings)) {
    return [
      typeIssue(
        fieldPath,
        'a list',
        mappings,
        `roleMappings: [{claim: admins, roleArn: ${EXAMPLE_ROLE_ARN}}]`
      ),
    ];
  }
  return mappings.flatMap((mapping, index) =>
    validateRoleMapping(mapping, index, `${fieldPath}[${index}]`)
  );
}

function sessionDurationIssues(spec: Record<string, unknown>, path: string): ConfigIssue[] {
  if (!isSet(spec, 'sessionDuration')) return [];
  const value = spec.sessionDuration;
  const fieldPath = `${path}.sessionDuration`;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    return [typeIssue(fieldPath, 'an integer number of seconds', value, 'sessionDuration: 3600')];
  }
  const advice =
    `set ${fieldPath} between ${MIN_SESSION_DURATION} (15 minutes) and ${MAX_SESSION_DURATION} (12 hours), ` +
    'e.g. 3600, or omit it for the default of 3600';
  if (value === 0) {
    return [
      issue(
        fieldPath,
        'INVALID_CONFIG',
        `${fieldPath} must be between ${MIN_SESSION_DURATION} and ${MAX_SESSION_DURATION} seconds, got 0: ${advice} ` +
          "(ToolHive's runtime treats 0 as unset, but the API server and the operator reject it)",
        ['schema', 'operator']
      ),
    ];
  }
  const layers: ConfigIssue['layers'] = ['schema', 'operator', 'runtime'];
  if (value < MIN_SESSION_DURATION) {
    return [
      issue(
        fieldPath,
        'INVALID_CONFIG',
        `session duration ${value} is below minimum ${MIN_SESSION_DURATION} seconds: ${advice}`,
        layers
      ),
    ];
  }
  if (value > MAX_SESSION_DURATION) {
    return [
      issue(
        fieldPath,
        'INVALID_CONFIG',
        `session duration ${value} exceeds maximum ${MAX_SESSION_DURATION} seconds: ${advice}`,
        layers
      ),
    ];
  }
  return [];
}
