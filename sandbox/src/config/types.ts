// The awsSts configuration types: the raw spec as written in an MCPExternalAuthConfig (the CRD's
// camelCase names), the normalized config with defaults applied, and validation issues.
// It does not validate or load anything; see validateAwsSts and loadAwsStsConfig.

import type { ErrorCode } from '../errors';

/** One `spec.awsSts.roleMappings[]` entry as written. Exactly one of `claim` or `matcher`. */
export interface RoleMappingSpec {
  /** A value of the `roleClaim` claim, e.g. a group name; matched with `claim in claims[roleClaim]`. */
  claim?: string;
  /** A CEL expression over the variable `claims`, e.g. `"admins" in claims["groups"]`. */
  matcher?: string;
  /** IAM role to assume when this mapping matches. */
  roleArn: string;
  /** Lower wins; an unset priority sorts after every explicit one (0 is explicit). */
  priority?: number;
}

/** `spec.awsSts` as written, before defaults (the CRD's `AWSStsConfig`). */
export interface AwsStsSpec {
  region: string;
  service?: string;
  fallbackRoleArn?: string;
  roleMappings?: RoleMappingSpec[];
  roleClaim?: string;
  sessionDuration?: number;
  sessionNameClaim?: string;
  subjectProviderName?: string;
}

/** A role mapping after validation. */
export interface RoleMapping {
  claim?: string;
  matcher?: string;
  roleArn: string;
  priority?: number;
}

/** `awsSts` after validation, with ToolHive's defaults applied. */
export interface AwsStsConfig {
  region: string;
  /** SigV4 service name; default `aws-mcp`. */
  service: string;
  fallbackRoleArn?: string;
  /** Empty when none are configured. */
  roleMappings: RoleMapping[];
  /** Claim that `claim` mappings test; default `groups`. */
  roleClaim: string;
  /** STS session length in seconds, 900–43200; default 3600. */
  sessionDuration: number;
  /** Claim that becomes the RoleSessionName; default `sub`. */
  sessionNameClaim: string;
  /** vMCP only: which upstream provider's token goes to STS. */
  subjectProviderName?: string;
}

/**
 * Which of ToolHive's checks rejects a value: the Kubernetes API server's OpenAPI schema, the
 * operator's `validateAWSSts`, the runtime `ValidateConfig`/`ValidateRoleArn`, or the CEL
 * compilation in `NewRoleMapper`. The loader adds `document` for problems with the file itself.
 */
export type ValidationLayer = 'schema' | 'operator' | 'runtime' | 'roleMapper' | 'document';

/** One problem found in a configuration. */
export interface ConfigIssue {
  /** Where, relative to awsSts: `awsSts.roleMappings[1].roleArn`; `` for the document itself. */
  path: string;
  code: ErrorCode;
  /** What is wrong and what to do about it. */
  message: string;
  /** The ToolHive layers that reject it (they disagree; see `ValidationLayer`). */
  layers: ValidationLayer[];
  /** 1-based position in the loaded text, when known. */
  line?: number;
  column?: number;
}

/** Outcome of validating or loading a configuration; invalid input is a value, not an exception. */
export type ValidationResult =
  { ok: true; config: AwsStsConfig } | { ok: false; issues: ConfigIssue[] };
