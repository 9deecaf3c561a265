// ToolHive's awsSts constants: defaults, bounds and the CRD's patterns, in one place.
// It does not apply or check them; defaults.ts and validateAwsSts.ts do.

/** Default `roleClaim` (CRD default and Go `GetRoleClaim`). */
export const DEFAULT_ROLE_CLAIM = 'groups';
/** Default `sessionNameClaim`. */
export const DEFAULT_SESSION_NAME_CLAIM = 'sub';
/** Default SigV4 `service`. */
export const DEFAULT_SERVICE = 'aws-mcp';
/** Default `sessionDuration` in seconds. */
export const DEFAULT_SESSION_DURATION = 3600;
/** Inclusive bounds of `sessionDuration` (Go `MinSessionDuration`/`MaxSessionDuration`). */
export const MIN_SESSION_DURATION = 900;
export const MAX_SESSION_DURATION = 43200;
/** Largest value of an OpenAPI `int32` field. */
export const INT32_MAX = 2_147_483_647;

/** The CRD's `region` pattern, as written in the CRD. */
export const REGION_PATTERN_TEXT = String.raw`^[a-z]{2}(-[a-z]+)+-\d+$`;
export const REGION_PATTERN = new RegExp(REGION_PATTERN_TEXT);
/** The CRD's pattern for `fallbackRoleArn` and `roleMappings[].roleArn`, as written in the CRD. */
export const ROLE_ARN_PATTERN_TEXT = String.raw`^arn:(aws|aws-cn|aws-us-gov):iam::\d{12}:role/[\w+=,.@\-_/]+$`;
export const ROLE_ARN_PATTERN = new RegExp(ROLE_ARN_PATTERN_TEXT);

/** Every field of `spec.awsSts`, in the CRD's order of meaning. */
export const AWS_STS_FIELDS = [
  'region',
  'service',
  'fallbackRoleArn',
  'roleMappings',
  'roleClaim',
  'sessionDuration',
  'sessionNameClaim',
  'subjectProviderName',
] as const;

/** Every field of a `roleMappings[]` entry. */
export const ROLE_MAPPING_FIELDS = ['claim', 'matcher', 'roleArn', 'priority'] as const;

/** Example values used in messages. */
export const EXAMPLE_REGION = 'us-east-1';
export const EXAMPLE_ROLE_ARN = 'arn:aws:iam::123456789012:role/S3ReadOnlyMCPRole';
export const EXAMPLE_FALLBACK_ROLE_ARN = 'arn:aws:iam::123456789012:role/DefaultMCPRole';
export const EXAMPLE_MATCHER = '"admins" in claims["groups"]';
