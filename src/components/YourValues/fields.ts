// The fields of the "Your values" form: label, what each replaces in the code blocks, examples.
// Placeholders and defaults come from the sandbox core; this file only arranges them for the form.
import { PLACEHOLDERS, type PlaceholderToken } from '@toolhive-aws-sts/sandbox/tutorial';
import { TUTORIAL_VALUES } from '@toolhive-aws-sts/sandbox/policy';
import type { ValueKey } from './store';

export interface FieldSpec {
  key: ValueKey;
  /** The visible label; tests and assistive technology find the input by it. */
  label: string;
  /** What it replaces in code: a placeholder token or the tutorial's literal default. */
  replaces: string;
  /** Shown as the input's placeholder. */
  example: string;
  /** One sentence under the input. */
  hint: string;
  inputMode?: 'numeric' | 'url';
}

function placeholder(token: PlaceholderToken): { replaces: string; example: string } {
  const found = PLACEHOLDERS.find((entry) => entry.token === token);
  return { replaces: token, example: found?.example ?? '' };
}

function tutorialDefault(value: string | undefined): { replaces: string; example: string } {
  return { replaces: value ?? '', example: value ?? '' };
}

const [mappedRole] = TUTORIAL_VALUES.roles ?? [];

export const FIELD_GROUPS: { legend: string; fields: FieldSpec[] }[] = [
  {
    legend: 'Identity provider',
    fields: [
      {
        key: 'issuer',
        label: 'OIDC issuer',
        ...placeholder('<ISSUER>'),
        hint: "Exactly as in your tokens' iss claim, with or without https://; keep any path and trailing slash.",
        inputMode: 'url',
      },
      {
        key: 'audience',
        label: 'Audience',
        ...placeholder('<AUDIENCE>'),
        hint: 'The aud value of the access tokens issued for the proxy.',
      },
      {
        key: 'clientId',
        label: 'Client ID',
        ...placeholder('<CLIENT_ID>'),
        hint: 'The OAuth client ID you sign in with in Step 6.',
      },
    ],
  },
  {
    legend: 'AWS',
    fields: [
      {
        key: 'accountId',
        label: 'AWS account ID',
        ...placeholder('<ACCOUNT_ID>'),
        hint: '12 digits.',
        inputMode: 'numeric',
      },
      {
        key: 'region',
        label: 'AWS region',
        ...tutorialDefault(TUTORIAL_VALUES.region),
        hint: 'One of the Regions where AWS serves the AWS MCP Server; STS and SigV4 use it too.',
      },
      {
        key: 'defaultRole',
        label: 'Default role name',
        ...tutorialDefault(TUTORIAL_VALUES.fallbackRole?.name),
        hint: 'The fallback role for users who match no mapping.',
      },
      {
        key: 's3Role',
        label: 'S3 read-only role name',
        ...tutorialDefault(mappedRole?.name),
        hint: 'The role for members of the S3 readers group.',
      },
      {
        key: 's3Group',
        label: 'S3 readers group',
        ...tutorialDefault(mappedRole?.claim),
        hint: 'The group name exactly as it appears in the token (case-sensitive).',
      },
    ],
  },
  {
    legend: 'Kubernetes',
    fields: [
      {
        key: 'namespace',
        label: 'Namespace',
        ...tutorialDefault(TUTORIAL_VALUES.namespace),
        hint: 'Where the ToolHive resources live.',
      },
      {
        key: 'domain',
        label: 'Domain',
        ...placeholder('<DOMAIN>'),
        hint: 'The public host name of the proxy, without https:// or a path.',
      },
    ],
  },
];

export const FIELDS: FieldSpec[] = FIELD_GROUPS.flatMap((group) => group.fields);
