// The doctor's vocabulary: the links of the chain in the order a request crosses them, one
// check per link, the report, and what the caller hands in. It holds no behaviour.

/**
 * The links a request crosses, in order: the proxy starts from its configuration, a client meets
 * the proxy's 401 challenge and metadata, the proxy checks the token (its issuer's discovery and
 * keys), maps a role and a session name, STS looks up the IAM OIDC provider, the role and its
 * trust policy and answers, and the AWS MCP Server's calls run under the role's permissions.
 */
export const LINKS = [
  'config',
  'proxy',
  'token',
  'discovery',
  'jwks',
  'role-mapping',
  'session-name',
  'provider',
  'role',
  'trust-policy',
  'sts',
  'permissions',
] as const;

export type LinkName = (typeof LINKS)[number];

/** `pass` ✓, `fail` ✗, `skip` – (not checked; the message says why). */
export type CheckStatus = 'pass' | 'fail' | 'skip';

/** The verdict on one link. Never contains the token. */
export interface DoctorCheck {
  link: LinkName;
  status: CheckStatus;
  /** One line: what was found. */
  message: string;
  /** On every `fail`: the command to run or the field to change. */
  fix?: string;
  /** Further lines (the role-mapping trace, one line per role), shown with `--verbose`. */
  details?: string[];
}

/** The whole diagnosis: one check per link, in `LINKS` order; `ok` when none failed. */
export interface DoctorReport {
  ok: boolean;
  checks: DoctorCheck[];
}

/** The plain inputs: what a user pastes into the page or passes to the CLI. */
export interface DoctorInput {
  /** A compact JWS access token. Only its claims, header and a SHA-256 prefix are ever shown. */
  token: string;
  /**
   * The MCPExternalAuthConfig (YAML or JSON, as `kubectl get -o yaml` prints it), optionally with
   * the MCPRemoteProxy and MCPOIDCConfig in the same text (`---` separated), or a bare awsSts
   * object.
   */
  config: string;
  /**
   * Offline only (ignored when `iam` is given): the trust policy of the role this token maps to,
   * as a policy document or the output of `aws iam get-role`.
   */
  trustPolicy?: string;
  /**
   * Offline only (ignored when `iam` is given): that role's permission policies, each a policy
   * document or the output of `aws iam get-role-policy` / `aws iam get-policy-version`.
   */
  permissionPolicies?: string[];
}

/** An IAM OpenID Connect provider as GetOpenIDConnectProvider returns it. */
export interface IamOidcProvider {
  arn: string;
  /** As IAM returns it: without `https://`, e.g. `dev-123456.okta.com/oauth2/default`. */
  url: string;
  clientIds: string[];
}

/** An IAM role as GetRole returns it, with the trust policy decoded to JSON text. */
export interface IamRole {
  roleName: string;
  arn: string;
  /** The trust policy as JSON text (URL-decoded). */
  assumeRolePolicyDocument: string;
  /** Seconds. */
  maxSessionDuration: number;
}

/** A permission policy of a role, decoded to JSON text. */
export interface IamPolicyDocument {
  /** `inline PolicyName` or `managed arn:aws:iam::…:policy/Name`, for messages. */
  source: string;
  document: string;
}

/**
 * The read-only IAM calls the doctor makes (`--aws`). The CLI implements it with
 * `@aws-sdk/client-iam`; tests with fakes. Errors other than "not found" are thrown as they
 * come (their `name` and `message` are reported).
 */
export interface IamReader {
  /** ListOpenIDConnectProviders: the providers' ARNs. */
  listOpenIdConnectProviders(): Promise<string[]>;
  /** GetOpenIDConnectProvider; undefined when IAM answers NoSuchEntity. */
  getOpenIdConnectProvider(arn: string): Promise<IamOidcProvider | undefined>;
  /** GetRole; undefined when IAM answers NoSuchEntity. */
  getRole(roleName: string): Promise<IamRole | undefined>;
  /**
   * ListRolePolicies + GetRolePolicy, ListAttachedRolePolicies + GetPolicy + GetPolicyVersion
   * (the default version).
   */
  getRolePermissionPolicies(roleName: string): Promise<IamPolicyDocument[]>;
}

/** One AssumeRoleWithWebIdentity call, as ToolHive would make it. */
export interface ExchangeRequest {
  token: string;
  roleArn: string;
  sessionName: string;
  durationSeconds: number;
  region: string;
  endpoint: string;
}

/** What STS answered on success (never the credentials themselves). */
export interface ExchangeAnswer {
  assumedRoleArn?: string;
  expiration?: Date;
}

/** Where STS is and, with `--exchange`, how to call it. */
export interface StsTarget {
  /** The endpoint the doctor calls; default `https://sts.<region>.amazonaws.com`. */
  endpoint?: string;
  /**
   * The Region that endpoint serves; default: read from an AWS endpoint's host name, else
   * awsSts.region.
   */
  region?: string;
  /**
   * Makes the real call (`--exchange`); throws what `exchangeToken` throws. Absent: the STS link
   * checks only the Region.
   */
  exchange?: (request: ExchangeRequest) => Promise<ExchangeAnswer>;
}

/** The online parts, each optional: leave one out and its links say why they were skipped. */
export interface DoctorOptions {
  /** The clock; default the real one. */
  now?: () => Date;
  /** Enables discovery, JWKS and (with `proxyUrl`) the proxy checks. */
  fetch?: typeof globalThis.fetch;
  /** The proxy's MCP endpoint, e.g. `https://mcp.example.com/mcp` (`--proxy`). */
  proxyUrl?: string;
  /** Enables the provider, role, trust-policy and permissions checks against IAM (`--aws`). */
  iam?: IamReader;
  sts?: StsTarget;
  /** Per HTTP request; default 10 000 ms. */
  timeoutMs?: number;
}
