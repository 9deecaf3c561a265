// Checks of the single-valued top-level fields of the generator's values: account, partition,
// domain, namespace, optional strings, session duration. Issuer (issuer.ts) and roles are elsewhere.

import {
  MAX_SESSION_DURATION,
  MIN_SESSION_DURATION,
  REGION_PATTERN,
  DEFAULT_SESSION_DURATION,
} from '../../config';
import { has, inputIssue, requiredString } from './inputChecks';
import { PARTITIONS } from '../names';
import type { InputIssue, Partition } from '../types';

const NAMESPACE_PATTERN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** The embedded authorization server's rule for upstream provider names (its CRD's pattern). */
const UPSTREAM_PROVIDER_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
const DOMAIN_PATTERN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/**
 * The 12-digit account ID as a string, or an issue (numbers are refused: they lose leading zeros).
 * @example checkAccountId({ accountId: '123456789012' }, issues) // '123456789012'
 */
export function checkAccountId(
  input: Record<string, unknown>,
  issues: InputIssue[]
): string | undefined {
  if (!has(input, 'accountId')) {
    issues.push(
      inputIssue(
        'accountId',
        'accountId is required: your 12-digit AWS account ID as a string, e.g. "123456789012"'
      )
    );
    return undefined;
  }
  const value = input.accountId;
  if (typeof value === 'string' && /^\d{12}$/.test(value)) return value;
  const quote =
    typeof value === 'number'
      ? ' written as a string in quotes (a number loses leading zeros)'
      : '';
  issues.push(
    inputIssue(
      'accountId',
      `accountId must be exactly 12 digits${quote}, got ${JSON.stringify(value)}: e.g. "123456789012"`
    )
  );
  return undefined;
}

/**
 * The partition: as given (one of aws, aws-cn, aws-us-gov, and holding the region), or the
 * region's own partition when absent (noted).
 * @example checkPartition({}, 'cn-north-1', issues, notes) // 'aws-cn'
 */
export function checkPartition(
  input: Record<string, unknown>,
  region: string | undefined,
  issues: InputIssue[],
  notes: string[]
): Partition {
  const expected: Partition = region?.startsWith('cn-')
    ? 'aws-cn'
    : region?.startsWith('us-gov-')
      ? 'aws-us-gov'
      : 'aws';
  if (!has(input, 'partition')) {
    if (expected !== 'aws')
      notes.push(`partition: ${expected}, the partition of region ${region ?? ''}`);
    return expected;
  }
  const value = input.partition;
  if (typeof value !== 'string' || !(PARTITIONS as readonly string[]).includes(value)) {
    issues.push(
      inputIssue(
        'partition',
        `partition must be one of ${PARTITIONS.join(', ')}, got ${JSON.stringify(value)}`
      )
    );
    return expected;
  }
  if (region !== undefined && REGION_PATTERN.test(region) && value !== expected) {
    issues.push(
      inputIssue(
        'partition',
        `partition ${value} does not contain region ${region}: use partition ${expected}, or a region of ${value}`
      )
    );
  }
  return value as Partition;
}

/**
 * The proxy's public host name: lowercase DNS name, no scheme, path or port.
 * @example checkDomain('mcp.example.com', issues) // 'mcp.example.com'
 */
export function checkDomain(domain: string | undefined, issues: InputIssue[]): string | undefined {
  if (domain === undefined) return undefined;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(domain) || domain.includes('/')) {
    issues.push(
      inputIssue(
        'domain',
        `domain "${domain}" must be a host name only, without scheme or path: e.g. mcp.example.com (the generator adds https:// and /mcp)`
      )
    );
    return undefined;
  }
  if (domain.length > 253 || !DOMAIN_PATTERN.test(domain)) {
    issues.push(
      inputIssue(
        'domain',
        `domain "${domain}" is not a DNS host name: use lowercase letters, digits, - and dots, without a port, e.g. mcp.example.com`
      )
    );
    return undefined;
  }
  return domain;
}

/**
 * An optional non-empty string field, or its default when absent.
 * @example optionalString({}, 'roleClaim', 'groups', 'e.g. groups', issues) // 'groups'
 */
export function optionalString(
  input: Record<string, unknown>,
  key: string,
  fallback: string,
  example: string,
  issues: InputIssue[]
): string | undefined {
  if (!has(input, key)) return fallback;
  const checked = requiredString(input, '', key, example);
  if ('issue' in checked) {
    issues.push(checked.issue);
    return undefined;
  }
  return checked.value;
}

/**
 * sessionDuration: a whole number of seconds from 900 to 43200; 3600 when absent.
 * @example checkSessionDuration({ sessionDuration: 900 }, issues) // 900
 */
export function checkSessionDuration(
  input: Record<string, unknown>,
  issues: InputIssue[]
): number | undefined {
  if (!has(input, 'sessionDuration')) return DEFAULT_SESSION_DURATION;
  const value = input.sessionDuration;
  if (
    typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= MIN_SESSION_DURATION &&
    value <= MAX_SESSION_DURATION
  ) {
    return value;
  }
  issues.push(
    inputIssue(
      'sessionDuration',
      `sessionDuration must be a whole number of seconds from ${MIN_SESSION_DURATION} to ${MAX_SESSION_DURATION}, got ${JSON.stringify(value)}: e.g. 900 (ToolHive gets new credentials for every request, so short is fine)`
    )
  );
  return undefined;
}

/**
 * Adds an issue unless the namespace is a Kubernetes namespace name (DNS-1123 label).
 * @example checkNamespace('toolhive-system', issues)
 */
export function checkNamespace(namespace: string | undefined, issues: InputIssue[]): void {
  if (namespace !== undefined && (namespace.length > 63 || !NAMESPACE_PATTERN.test(namespace))) {
    issues.push(
      inputIssue(
        'namespace',
        `namespace "${namespace}" is not a Kubernetes namespace name: use up to 63 lowercase letters, digits and -, starting and ending with a letter or digit`
      )
    );
  }
}

/**
 * subjectProviderName: absent, or the name of an embedded authorization server's upstream
 * provider (a DNS label). ToolHive itself accepts any string, but a name outside the provider
 * name rule can never match, so the generator refuses it. A valid one gets a note: only a
 * VirtualMCPServer reads it, and the MCPRemoteProxy the generator writes ignores it.
 * @example checkSubjectProviderName({ subjectProviderName: 'okta' }, issues, notes) // 'okta'
 */
export function checkSubjectProviderName(
  input: Record<string, unknown>,
  issues: InputIssue[],
  notes: string[]
): string | undefined {
  if (!has(input, 'subjectProviderName')) return undefined;
  const checked = requiredString(
    input,
    '',
    'subjectProviderName',
    'the name of an upstream provider of the embedded authorization server, e.g. okta'
  );
  if ('issue' in checked) {
    issues.push(checked.issue);
    return undefined;
  }
  const name = checked.value;
  if (name.length > 63 || !UPSTREAM_PROVIDER_NAME.test(name)) {
    issues.push(
      inputIssue(
        'subjectProviderName',
        `subjectProviderName "${name}" can never name an upstream provider: provider names are lowercase letters, digits and -, at most 63, e.g. okta`
      )
    );
    return undefined;
  }
  notes.push(
    `subjectProviderName ${name}: a VirtualMCPServer that uses this MCPExternalAuthConfig for a backend sends the access token of its upstream provider ${name} to STS; the MCPRemoteProxy in these files ignores it`
  );
  return name;
}
