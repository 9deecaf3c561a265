// The emulated AWS account's records: OIDC providers, roles with inline policies, and the
// temporary credentials STS issued. Plain data only; AccountState owns the behaviour.

/** An IAM OpenID Connect provider as CreateOpenIDConnectProvider stored it. */
export interface OidcProviderRecord {
  /** `arn:<partition>:iam::<account>:oidc-provider/<url without https://>` */
  arn: string;
  /** The URL exactly as registered, including `https://` and any path or trailing slash. */
  url: string;
  /** Audiences (`aud` values) the provider accepts. */
  clientIds: string[];
  thumbprints: string[];
  createDate: Date;
  tags: { key: string; value: string }[];
}

/** An IAM role with its trust policy and inline permission policies (JSON text, as stored). */
export interface RoleRecord {
  roleName: string;
  /** `AROA…` unique id, used in AssumedRoleId `<roleId>:<session>`. */
  roleId: string;
  arn: string;
  path: string;
  assumeRolePolicyDocument: string;
  description?: string;
  /** Seconds, 3600 by default, at most 43200. */
  maxSessionDuration: number;
  createDate: Date;
  /** Inline policies by name, JSON text. */
  inlinePolicies: Map<string, string>;
  /** Tags given to CreateRole, in order. Absent when none were given. */
  tags?: { key: string; value: string }[];
}

/** Temporary credentials issued by AssumeRoleWithWebIdentity, remembered for SigV4 checks. */
export interface IssuedCredentials {
  /** `ASIA…` */
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
  roleArn: string;
  roleName: string;
  roleId: string;
  sessionName: string;
  /** `arn:<partition>:sts::<account>:assumed-role/<RoleName>/<session>` */
  assumedRoleArn: string;
  /** The web identity token's `sub`, `iss` and `aud` (never the token itself). */
  subject: string;
  issuer: string;
  audience: string;
}
