// The playground's presets: the tutorial's example and the classic mistakes, each a config and
// claims. Configs come from the policy generator, so they are the tutorial's files, not copies.
import {
  generateExternalAuthConfig,
  toYaml,
  TUTORIAL_VALUES,
  validateGeneratorInput,
  type GeneratorInput,
  type MappedRoleInput,
} from '@toolhive-aws-sts/sandbox/policy';

export interface Preset {
  id: string;
  /** The button's text. */
  label: string;
  /** What to notice, and what to change next. */
  explain: string;
  config: string;
  claims: Record<string, unknown>;
}

/** The MCPExternalAuthConfig the generator writes for the tutorial's values, changed by `edit`. */
function configYaml(edit: (input: GeneratorInput) => void = () => undefined): string {
  const input = structuredClone(TUTORIAL_VALUES) as GeneratorInput;
  edit(input);
  const result = validateGeneratorInput(input);
  if (!result.ok) return `# ${result.issues.map((issue) => issue.message).join('\n# ')}\n`;
  return toYaml(generateExternalAuthConfig(result.values));
}

function editFirstRole(change: (role: MappedRoleInput) => MappedRoleInput) {
  return (input: GeneratorInput) => {
    const [first, ...rest] = input.roles ?? [];
    if (first) input.roles = [change(first), ...rest];
  };
}

const alice = { sub: 'alice@example.com', email: 'alice@example.com', groups: ['s3-readers'] };

/** ToolHive's own JWT, as its embedded authorization server issues it: no groups, sub a UUID. */
const toolhiveToken = {
  iss: 'https://mcp.example.com',
  aud: 'https://mcp.example.com/mcp',
  sub: '5f0c1f64-2b0e-4c1e-9a39-6d3d2b8e7a10',
  client_id: 'https://client.example.com/oauth/metadata.json',
  name: 'Alice Example',
  email: 'alice@example.com',
};

/** The tutorial's embedded-authorization-server variant: an email matcher, email sessions. */
const byEmail = (input: GeneratorInput) => {
  input.sessionNameClaim = 'email';
  input.roles = [
    {
      name: 'S3ReadOnlyMCPRole',
      matcher: 'claims["email"] in ["alice@example.com", "carol@example.com"]',
      priority: 10,
      permissions: 's3-read-only',
    },
  ];
};

export const PRESETS: Preset[] = [
  {
    id: 'tutorial',
    label: 'Tutorial example',
    explain:
      'Alice is in s3-readers, so roleMappings[0] matches. Remove "s3-readers" from groups and watch the fallback role take over.',
    config: configYaml(),
    claims: alice,
  },
  {
    id: 'no-group',
    label: 'No matching group',
    explain:
      'Bob is in no mapped group, so no mapping matches and fallbackRoleArn applies. Delete fallbackRoleArn to see the 403.',
    config: configYaml(),
    claims: { sub: 'bob@example.com', email: 'bob@example.com', groups: ['developers'] },
  },
  {
    id: 'claim-name',
    label: 'claim used as a claim name',
    explain:
      'claim is a value to look for in roleClaim, not the name of a claim: this mapping asks whether groups contains the string "groups". Change it to s3-readers.',
    config: configYaml(editFirstRole((role) => ({ ...role, claim: 'groups' }))),
    claims: alice,
  },
  {
    id: 'string-groups',
    label: 'groups as a string',
    explain:
      'The IdP sends groups as a string, not a list. CEL’s in needs a list, so the mapping is an evaluation error and is skipped, even though the value is equal. Make it ["s3-readers"].',
    config: configYaml(),
    claims: { ...alice, groups: 's3-readers' },
  },
  {
    id: 'priorities',
    label: 'Two matching mappings',
    explain:
      'Both mappings match. The lowest priority wins, whatever the order in the list; an unset priority sorts last. Swap the priorities or delete one.',
    config: configYaml((input) => {
      input.roles = [
        ...(input.roles ?? []),
        { name: 'S3ReadWriteMCPRole', claim: 's3-writers', priority: 1, permissions: 'default' },
      ];
    }),
    claims: { ...alice, groups: ['s3-readers', 's3-writers'] },
  },
  {
    id: 'cel',
    label: 'CEL matcher',
    explain:
      'The matcher also requires a verified email. Set email_verified to false (no match), or delete it: the missing claim is an evaluation error, and the fallback applies.',
    config: configYaml(
      editFirstRole(({ claim: _claim, ...role }) => ({
        ...role,
        matcher: '"s3-readers" in claims["groups"] && claims["email_verified"] == true',
        priority: 5,
      }))
    ),
    claims: { ...alice, email_verified: true },
  },
  {
    id: 'toolhive-token',
    label: 'ToolHive-issued token',
    explain:
      'With the embedded authorization server, role mapping reads the claims of ToolHive’s own token: sub is a ToolHive user ID, and there is no groups claim. This is the tutorial’s variant, which matches on email instead. Paste the tutorial’s main configuration (claim: s3-readers) to see why group mappings never match there.',
    config: configYaml(byEmail),
    claims: toolhiveToken,
  },
  {
    id: 'vmcp-subject-provider',
    label: 'Virtual MCP Server backend',
    explain:
      'For a Virtual MCP Server backend, subjectProviderName picks which upstream provider’s token goes to STS; role mapping still reads ToolHive’s token. Note the warning: an MCPRemoteProxy ignores the field. Change it to Okta to see a name no provider can have.',
    config: configYaml((input) => {
      byEmail(input);
      input.subjectProviderName = 'okta';
    }),
    claims: toolhiveToken,
  },
  {
    id: 'auth0-sub',
    label: 'Auth0 sub with |',
    explain:
      'The role is found, but Auth0’s sub contains |, which STS does not allow in a session name, and ToolHive never rewrites it. Set sessionNameClaim to https://example.com/email.',
    config: configYaml((input) => {
      input.roleClaim = 'https://example.com/groups';
    }),
    claims: {
      sub: 'auth0|64f1c2d3e4b5a6978899aabb',
      'https://example.com/email': 'alice@example.com',
      'https://example.com/groups': ['s3-readers'],
    },
  },
];
