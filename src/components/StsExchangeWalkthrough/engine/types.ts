// The walkthrough's vocabulary: where STS runs, what the reader entered, and each step as shown.
// Shapes only; runExchange fills them and the step views render them.
import type { TraceEntry } from '@toolhive-aws-sts/sandbox/roles';

/** Where the AssumeRoleWithWebIdentity call goes. */
export type StsMode = 'browser' | 'local' | 'aws';

/** The in-browser mode's inputs: the token the in-page issuer signs and the emulated account. */
export interface BrowserInputs {
  mode: 'browser';
  /** JSON object of extra claims (sub, email, groups, …); iss, aud, iat and exp are set. */
  claimsJson: string;
  /** The token's `aud`. */
  tokenAudience: string;
  /** Sign the token with an `exp` an hour ago (past STS's 5 minutes of clock skew). */
  tokenExpired: boolean;
  /** Register the roles with a trust policy whose `:aud` condition is another audience. */
  breakTrustAudience: boolean;
  /** The same-origin URL the service worker answers as STS. */
  stsEndpoint: string;
  /** The service worker's script URL and scope. */
  worker: { url: string; scope: string };
}

/** The local sandbox's inputs: a pasted token and the STS emulator's URL. */
export interface LocalInputs {
  mode: 'local';
  token: string;
  stsEndpoint: string;
}

/** Real AWS: the reader's token, role and region, sent to the regional STS endpoint only. */
export interface AwsInputs {
  mode: 'aws';
  token: string;
  roleArn: string;
  region: string;
}

export type ExchangeInputs = BrowserInputs | LocalInputs | AwsInputs;

/** A header or form field as shown: name and (possibly shortened or masked) value. */
export type Pair = readonly [name: string, value: string];

export interface TokenStep {
  id: 'token';
  /** Who made the token: the in-page issuer or the reader. */
  source: string;
  /** The compact token, shortened. */
  shortToken: string;
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
  /** Human-readable `exp` (and whether it is in the past). */
  expiry: string;
}

export interface RoleStep {
  id: 'role';
  roleArn: string;
  /** How the role was chosen: the role mapper's summary, or "entered by you". */
  summary: string;
  trace: readonly TraceEntry[];
  sessionName: string;
  sessionClaim: string;
  durationSeconds: number;
}

export interface StsRequestStep {
  id: 'stsRequest';
  method: string;
  url: string;
  /** The headers the SDK set (the browser adds Origin and friends). */
  headers: readonly Pair[];
  /** The form body, token shortened. */
  form: readonly Pair[];
  hasAuthorization: boolean;
}

export interface IssuedCredentialsView {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: string;
  assumedRoleArn: string | undefined;
}

/** The emulator's reason for its answer (in-browser mode only; never on the wire). */
export interface Explanation {
  step: string;
  detail: string;
  /** Trust-policy checks (Principal, Action, Condition) with their values, when evaluated. */
  checks: readonly { element: string; matched: boolean; detail: string }[];
}

export interface StsResponseStep {
  id: 'stsResponse';
  /** HTTP status, or undefined when no response came back. */
  status: number | undefined;
  /** The XML as received, secrets masked. */
  xml: string | undefined;
  outcome:
    | { ok: true; credentials: IssuedCredentialsView }
    | {
        ok: false;
        /** STS's error code (`AccessDenied`, `ExpiredTokenException`, …) or `NetworkError`. */
        code: string;
        /** AWS's message, as the SDK reported it. */
        message: string;
        /** What to check or change. */
        fix: string;
      };
  explain: Explanation | undefined;
  /** Real AWS only: the same call with the AWS CLI, for when the browser cannot make it. */
  cliCommand: string | undefined;
}

export interface SigningStep {
  id: 'signing';
  method: string;
  url: string;
  body: string;
  /** Headers the MCP client sent to ToolHive, and which of them ToolHive drops. */
  incoming: readonly Pair[];
  dropped: readonly string[];
  canonicalRequest: string;
  stringToSign: string;
  authorization: string;
  /** Every header ToolHive would send upstream, session token masked. */
  headers: readonly Pair[];
  /** The AWS MCP Server emulator's verdict on the signature (in-browser mode). */
  verified: string | undefined;
}

/** A failure before any HTTP exchange (bad claims, no role, invalid session name, …). */
export interface ProblemStep {
  id: 'problem';
  title: string;
  message: string;
}

export type WalkthroughStep =
  TokenStep | RoleStep | StsRequestStep | StsResponseStep | SigningStep | ProblemStep;

/** What runExchange reports as it goes. */
export interface ExchangeProgress {
  steps: readonly WalkthroughStep[];
  /** One sentence for the live region. */
  announcement: string;
  done: boolean;
}
