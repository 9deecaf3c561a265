// The page's examples: the tutorial's setup and the classic broken ones, each as the text a reader
// would paste. Resources and policies come from the policy generator (the tutorial's own files),
// tokens from exampleToken with times relative to `now`. It runs no checks (diagnosis.ts does).
import type { LinkName } from '@toolhive-aws-sts/sandbox/doctor';
import {
  DENY_OUTSIDE_MCP,
  generateExternalAuthConfig,
  generateOidcConfig,
  generatePermissionPolicy,
  generateRemoteProxy,
  generateTrustPolicy,
  inlinePolicyName,
  joinYamlDocuments,
  toYaml,
  TUTORIAL_VALUES,
  validateGeneratorInput,
  type GeneratorInput,
  type GeneratorValues,
  type RoleValues,
} from '@toolhive-aws-sts/sandbox/policy';
import { exampleToken } from './exampleToken';

/** What the reader pastes: the four inputs of the page. */
export interface DiagnoseFields {
  token: string;
  /** MCPOIDCConfig, MCPExternalAuthConfig and MCPRemoteProxy, as one multi-document YAML text. */
  config: string;
  /** A trust policy document or `aws iam get-role` output; may be empty. */
  trustPolicy: string;
  /** Permission policies (documents or `get-role-policy` output); empty strings are ignored. */
  permissionPolicies: string[];
}

export type ExampleGroup = 'A sound setup' | 'Token' | 'Configuration' | 'IAM';

export interface Example {
  id: string;
  group: ExampleGroup;
  label: string;
  /** What is broken, and what the report shows for it. */
  explain: string;
  /** The first link the report marks ✗; absent for a sound setup. */
  broken?: LinkName;
  /** The fields, with token times relative to `now`. */
  build: (now: Date) => DiagnoseFields;
}

/** The tutorial's Auth0 variant: the issuer keeps its trailing slash, namespaced claims. */
const AUTH0: GeneratorInput = {
  ...TUTORIAL_VALUES,
  issuer: 'https://my-tenant.us.auth0.com/',
  roleClaim: 'https://example.com/groups',
  sessionNameClaim: 'https://example.com/email',
};

const HOUR = 3600;

function checked(input: GeneratorInput): GeneratorValues {
  const result = validateGeneratorInput(input);
  if (!result.ok) {
    throw new Error(`example values rejected: ${result.issues.map((i) => i.message).join('; ')}`);
  }
  return result.values;
}

function roleNamed(values: GeneratorValues, name: string): RoleValues {
  const role = [values.fallbackRole, ...values.roles].find((r) => r?.name === name);
  if (role === undefined) throw new Error(`no role ${name} in the example values`);
  return role;
}

const S3_ROLE = 'S3ReadOnlyMCPRole';

/** The three resources as `kubectl get -o yaml` would give them, one document each. */
function resources(
  values: GeneratorValues,
  edit: { oidcIssuer?: string; awsSts?: (spec: Record<string, unknown>) => void } = {}
): string {
  const external = generateExternalAuthConfig(values);
  const awsSts: Record<string, unknown> = { ...external.spec.awsSts };
  edit.awsSts?.(awsSts);
  return `${joinYamlDocuments([
    toYaml(generateOidcConfig({ ...values, issuer: edit.oidcIssuer ?? values.issuer })),
    toYaml({ ...external, spec: { ...external.spec, awsSts } }),
    toYaml(generateRemoteProxy(values)),
  ])}\n`;
}

/** As the AWS CLI prints JSON: four spaces. */
const cliJson = (value: unknown): string => `${JSON.stringify(value, null, 4)}\n`;

/** The parts of `aws iam get-role --role-name NAME` output that the doctor reads. */
function getRole(
  values: GeneratorValues,
  roleName: string,
  options: { trustValues?: GeneratorValues; maxSessionDuration?: number } = {}
): string {
  const role = roleNamed(values, roleName);
  return cliJson({
    Role: {
      Path: '/',
      RoleName: role.name,
      Arn: role.arn,
      AssumeRolePolicyDocument: generateTrustPolicy(options.trustValues ?? values, role),
      MaxSessionDuration: options.maxSessionDuration ?? HOUR,
    },
  });
}

/** `aws iam get-role-policy` output for the role's inline policy. */
function getRolePolicy(roleName: string, document: unknown): string {
  return cliJson({
    RoleName: roleName,
    PolicyName: inlinePolicyName(roleName),
    PolicyDocument: document,
  });
}

/** An access token for `values`' issuer and audience, issued a minute before `now`. */
function token(
  values: GeneratorValues,
  now: Date,
  claims: Record<string, unknown>,
  times: { iat?: number; nbf?: number; exp?: number } = {}
): string {
  const iat = times.iat ?? Math.floor(now.getTime() / 1000) - 60;
  return exampleToken({
    iss: values.issuer,
    aud: values.audience,
    iat,
    ...(times.nbf !== undefined ? { nbf: times.nbf } : {}),
    exp: times.exp ?? iat + HOUR,
    ...claims,
  });
}

const alice = { sub: 'alice@example.com', email: 'alice@example.com', groups: ['s3-readers'] };
const carolAuth0 = {
  sub: 'auth0|64b0c3f5e1d2a3b4c5d6e7f8',
  'https://example.com/email': 'carol@example.com',
  'https://example.com/groups': ['s3-readers'],
};

/** The tutorial's setup with alice's token, where only `change` differs. */
function tutorialWith(
  now: Date,
  change: Partial<DiagnoseFields> = {},
  values: GeneratorValues = checked(TUTORIAL_VALUES)
): DiagnoseFields {
  return {
    token: token(values, now, alice),
    config: resources(values),
    trustPolicy: getRole(values, S3_ROLE),
    permissionPolicies: [getRolePolicy(S3_ROLE, generatePermissionPolicy('s3-read-only'))],
    ...change,
  };
}

const seconds = (now: Date) => Math.floor(now.getTime() / 1000);

export const EXAMPLES: readonly Example[] = [
  {
    id: 'tutorial',
    group: 'A sound setup',
    label: "The tutorial's setup, alice's token",
    explain:
      'Every offline link passes. The links marked – need the network or your AWS account: the doctor command at the end checks them.',
    build: (now) => tutorialWith(now),
  },
  {
    id: 'expired',
    group: 'Token',
    label: 'An expired token',
    explain:
      'The token expired two hours ago. ToolHive answers 401 before it maps a role; the later links still run, so you see what would happen next.',
    broken: 'token',
    build: (now) => {
      const values = checked(TUTORIAL_VALUES);
      const iat = seconds(now) - 3 * HOUR;
      return tutorialWith(now, { token: token(values, now, alice, { iat, exp: iat + HOUR }) });
    },
  },
  {
    id: 'future',
    group: 'Token',
    label: 'A token from the future',
    explain:
      "The token's iat and nbf lie two hours ahead of this browser's clock: the identity provider's clock, or this machine's, is off.",
    broken: 'token',
    build: (now) => {
      const values = checked(TUTORIAL_VALUES);
      const iat = seconds(now) + 2 * HOUR;
      return tutorialWith(now, { token: token(values, now, alice, { iat, nbf: iat }) });
    },
  },
  {
    id: 'audience',
    group: 'Token',
    label: 'A token for another audience',
    explain:
      "Okta's default authorization server issues aud api://default unless you configure the audience. The proxy, the IAM provider and the trust policy all expect toolhive-aws.",
    broken: 'token',
    build: (now) => {
      const values = checked(TUTORIAL_VALUES);
      return tutorialWith(now, { token: token(values, now, { ...alice, aud: 'api://default' }) });
    },
  },
  {
    id: 'issuer-slash',
    group: 'Configuration',
    label: 'Auth0 issuer without its trailing slash',
    explain:
      'Auth0 writes iss with a trailing slash. The MCPOIDCConfig leaves it out, so ToolHive rejects every token; IAM and the trust policy have it right.',
    broken: 'token',
    build: (now) => {
      const values = checked(AUTH0);
      return tutorialWith(
        now,
        {
          token: token(values, now, carolAuth0),
          config: resources(values, { oidcIssuer: values.issuer.replace(/\/+$/, '') }),
        },
        values
      );
    },
  },
  {
    id: 'cel',
    group: 'Configuration',
    label: 'A CEL matcher with = instead of ==',
    explain:
      'kubectl apply accepts the matcher, but ToolHive compiles it only when the proxy starts, and the pod restarts in a loop.',
    broken: 'config',
    build: (now) => {
      const values = checked(TUTORIAL_VALUES);
      const config = resources(values, {
        awsSts: (spec) => {
          spec.roleMappings = [
            {
              matcher: '"s3-readers" in claims["groups"] && claims["email_verified"] = true',
              roleArn: roleNamed(values, S3_ROLE).arn,
              priority: 5,
            },
          ];
        },
      });
      return tutorialWith(now, { config });
    },
  },
  {
    id: 'group-case',
    group: 'Configuration',
    label: 'A group name in another case',
    explain:
      'The identity provider sends S3-Readers, the mapping expects s3-readers. Claims are compared exactly, so alice gets the fallback role; the report names the mapping that came closest.',
    broken: 'role-mapping',
    build: (now) => {
      const values = checked(TUTORIAL_VALUES);
      return tutorialWith(now, {
        token: token(values, now, { ...alice, groups: ['S3-Readers'] }),
        trustPolicy: '',
        permissionPolicies: [],
      });
    },
  },
  {
    id: 'session-name',
    group: 'Configuration',
    label: 'Auth0 sub as the session name',
    explain:
      "The Okta manifest used as is with Auth0: sessionNameClaim sub gives auth0|…, and | isn't allowed in a RoleSessionName. The report proposes a claim of this token that works.",
    broken: 'session-name',
    build: (now) => {
      const values = checked({ ...AUTH0, sessionNameClaim: 'sub' });
      return tutorialWith(now, { token: token(values, now, carolAuth0) }, values);
    },
  },
  {
    id: 'max-session',
    group: 'IAM',
    label: 'sessionDuration above the role’s maximum',
    explain:
      "sessionDuration asks STS for two-hour sessions, but the role's MaxSessionDuration is one hour: STS refuses every exchange with a ValidationError.",
    broken: 'role',
    build: (now) => {
      const values = checked({ ...TUTORIAL_VALUES, sessionDuration: 2 * HOUR });
      return tutorialWith(now, {}, values);
    },
  },
  {
    id: 'trust-path',
    group: 'IAM',
    label: 'Trust policy without the issuer’s path',
    explain:
      'The provider was registered as dev-123456.okta.com, without /oauth2/default, and the trust policy names that provider. STS looks up the provider by iss, character for character, and answers AccessDenied.',
    broken: 'trust-policy',
    build: (now) => {
      const values = checked(TUTORIAL_VALUES);
      const pathless = checked({ ...TUTORIAL_VALUES, issuer: 'https://dev-123456.okta.com' });
      return tutorialWith(now, {
        trustPolicy: getRole(values, S3_ROLE, { trustValues: pathless }),
      });
    },
  },
  {
    id: 'trust-sub',
    group: 'IAM',
    label: 'Trust policy that lists other users',
    explain:
      "The trust policy allows only alice's and bob's sub. dave is in s3-readers, so ToolHive picks the role, and STS refuses him.",
    broken: 'trust-policy',
    build: (now) => {
      const values = checked({
        ...TUTORIAL_VALUES,
        restrictSubjects: ['alice@example.com', 'bob@example.com'],
      });
      const dave = { sub: 'dave@example.com', email: 'dave@example.com', groups: ['s3-readers'] };
      return tutorialWith(now, { token: token(values, now, dave) }, values);
    },
  },
  {
    id: 'no-mcp-keys',
    group: 'IAM',
    label: 'Permissions without the AWS MCP keys',
    explain:
      'The policy allows S3 reads with no aws:CalledViaAWSMCP condition and no guardrail, so the role works through the AWS MCP Server and anywhere else too.',
    broken: 'permissions',
    build: (now) => {
      const policy = generatePermissionPolicy('s3-read-only');
      const unguarded = {
        Version: policy.Version,
        Statement: policy.Statement.filter((s) => s.Sid !== DENY_OUTSIDE_MCP.Sid).map(
          ({ Condition: _condition, ...statement }) => ({ ...statement, Sid: 'AllowS3Read' })
        ),
      };
      return tutorialWith(now, { permissionPolicies: [getRolePolicy(S3_ROLE, unguarded)] });
    },
  },
  {
    id: 'retired-actions',
    group: 'IAM',
    label: 'Only the retired aws-mcp:* actions',
    explain:
      'Older guides granted aws-mcp:InvokeMcp and aws-mcp:CallReadOnlyTool. AWS retired those actions, so this policy grants nothing and every AWS call through the server is denied.',
    broken: 'permissions',
    build: (now) =>
      tutorialWith(now, {
        permissionPolicies: [
          getRolePolicy(S3_ROLE, {
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Action: ['aws-mcp:InvokeMcp', 'aws-mcp:CallReadOnlyTool'],
                Resource: '*',
              },
            ],
          }),
        ],
      }),
  },
];

/** The examples by group, in order, for the picker. */
export function examplesByGroup(): [ExampleGroup, Example[]][] {
  const groups = new Map<ExampleGroup, Example[]>();
  for (const example of EXAMPLES)
    groups.set(example.group, [...(groups.get(example.group) ?? []), example]);
  return [...groups];
}
