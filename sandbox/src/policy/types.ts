// The generator's shapes: the values a user writes (GeneratorInput), the checked and normalised
// values the generators read (GeneratorValues), issues, and the artifacts. No logic lives here.

/** The AWS partitions ToolHive's role ARN pattern accepts. */
export type Partition = 'aws' | 'aws-cn' | 'aws-us-gov';

/** A named permission preset (see presets.ts). */
export type PermissionPresetName = 'default' | 's3-read-only';

/** Explicit permissions: the actions and resources to allow through the AWS MCP Server. */
export interface ExplicitPermissions {
  actions: string[];
  resources: string[];
}

/** What a role may do: a preset or explicit actions and resources. */
export type Permissions = PermissionPresetName | ExplicitPermissions;

/** The fallback role, assumed when no mapping matches. */
export interface FallbackRoleInput {
  /** IAM role name: 1–64 of `[\w+=,.@-]`. */
  name: string;
  permissions: Permissions;
  /** Overrides the top-level `restrictSubjects` for this role. */
  restrictSubjects?: string[];
}

/** A mapped role: chosen when its `claim` value is in the role claim, or its CEL `matcher` holds. */
export interface MappedRoleInput extends FallbackRoleInput {
  claim?: string;
  matcher?: string;
  /** Lower wins; unset sorts after every explicit priority. */
  priority?: number;
}

/** The values file (`--input VALUES`), as written. */
export interface GeneratorInput {
  /** OIDC issuer exactly as in the token's `iss`; `https://` is added when missing. */
  issuer: string;
  /** The `aud` of the access tokens. */
  audience: string;
  /** 12-digit AWS account ID, as a string. */
  accountId: string;
  /** Default `aws`. */
  partition?: Partition;
  region: string;
  namespace: string;
  /** Public host name of the proxy, e.g. `mcp.example.com`. */
  domain: string;
  /** Default `groups`. */
  roleClaim?: string;
  /** Default `sub`. */
  sessionNameClaim?: string;
  /** Seconds, 900–43200; default 3600. */
  sessionDuration?: number;
  /**
   * VirtualMCPServer only: the embedded authorization server's upstream provider whose access
   * token goes to STS. An MCPRemoteProxy ignores it. Absent by default.
   */
  subjectProviderName?: string;
  fallbackRole?: FallbackRoleInput;
  roles?: MappedRoleInput[];
  /** Allowed `sub` values for every role's trust policy; empty or absent means any subject. */
  restrictSubjects?: string[];
}

/** One role after checking, with everything the generators need. */
export interface RoleValues {
  name: string;
  /** `arn:<partition>:iam::<account>:role/<name>` */
  arn: string;
  /** Name of its inline permission policy, e.g. `DefaultMCPPermissions`. */
  policyName: string;
  permissions: Permissions;
  /** Allowed `sub` values; empty means any subject. */
  restrictSubjects: string[];
  /** Absent for the fallback role. */
  claim?: string;
  matcher?: string;
  priority?: number;
  fallback: boolean;
}

/** The checked values, with defaults applied and the issuer normalised. */
export interface GeneratorValues {
  /** With `https://`, otherwise exactly as written (path and trailing slash kept). */
  issuer: string;
  /** The issuer without `https://`: how IAM names the provider and its condition keys. */
  providerPath: string;
  /** `arn:<partition>:iam::<account>:oidc-provider/<providerPath>` */
  providerArn: string;
  audience: string;
  accountId: string;
  partition: Partition;
  region: string;
  namespace: string;
  domain: string;
  roleClaim: string;
  sessionNameClaim: string;
  sessionDuration: number;
  /** VirtualMCPServer only; absent unless given. */
  subjectProviderName?: string;
  /** The fallback role, if any. */
  fallbackRole?: RoleValues;
  /** Mapped roles, in input order. */
  roles: RoleValues[];
}

/** A field of the values as keys and list indices: `['roles', 1, 'name']`; `[]` is the whole. */
export type FieldPath = readonly (string | number)[];

/** One problem with the values, located by a path such as `roles[1].name`. */
export interface InputIssue {
  /** The field as the message writes it: `roles[1].name`; `''` for the values as a whole. */
  path: string;
  /** The same field as keys and indices, for a form that shows the message on its control. */
  fieldPath: FieldPath;
  /** Other fields the problem involves: the role that already has a duplicate name. */
  relatedPaths?: FieldPath[];
  /** What is wrong and what is allowed. */
  message: string;
}

/** Outcome of `validateGeneratorInput`. */
export type InputValidation =
  { ok: true; values: GeneratorValues; notes: string[] } | { ok: false; issues: InputIssue[] };

/**
 * Every generated file by its path relative to the output directory (`aws/setup.sh`,
 * `k8s/mcpremoteproxy.yaml`, …), in the order README.md lists them.
 */
export type ArtifactFiles = Record<string, string>;

/** Outcome of `generateArtifacts`: the files, or every problem with the values. */
export type GenerationResult =
  | { ok: true; files: ArtifactFiles; values: GeneratorValues; notes: string[] }
  | { ok: false; issues: InputIssue[] };
