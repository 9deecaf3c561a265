// aws/setup.sh: registers the OIDC provider and creates every role with its trust policy and
// inline permission policy, converging on re-runs, with any AWS CLI from Debian 12's 2.9 on. It
// does not touch Kubernetes.

import { formatAwsCliCommand, shellQuote } from './awsCli';
import { planAwsCli, type RolePlan } from './awsCliPlan';
import { describeAwsCliVersions, OPTIONAL_THUMBPRINT_AWS_CLI } from './awsCliVersions';
import { scriptPreamble } from './scriptPreamble';
import { readThumbprintsFunction, THUMBPRINT_VARIABLE } from './thumbprintScript';
import type { GeneratorValues } from '../types';

const quiet = (command: string) => `${command} >/dev/null 2>&1`;

/**
 * The setup script. Re-running it is safe: an existing provider gets the audience added (a no-op
 * when present), an existing role gets its trust policy updated, and `put-role-policy` replaces
 * the inline policy. With an AWS CLI that still requires `--thumbprint-list`, or when
 * OIDC_THUMBPRINT is set, the provider is created with thumbprints (thumbprintScript.ts).
 * @example generateSetupScript(values).startsWith('#!/usr/bin/env bash') // true
 */
export function generateSetupScript(values: GeneratorValues): string {
  const plan = planAwsCli(values);
  const { provider } = plan;
  const indented = { indent: '  ' };
  const sections = [
    scriptPreamble({
      script: 'setup.sh',
      purpose: [
        `Creates the IAM side of ToolHive's AWS STS integration: the OIDC provider for`,
        `${values.issuer} and ${plan.roles.length} role(s) that ToolHive can assume for your users.`,
        'Safe to run again: what exists is updated, not duplicated.',
      ],
      accountId: values.accountId,
      environment: [
        '',
        `${THUMBPRINT_VARIABLE}      (environment) SHA-1 thumbprint(s), comma-separated, of the IdP's`,
        '                     certificate to register with the provider; needed only when it',
        '                     does not chain to a CA that AWS trusts. AWS CLIs before',
        `                     ${describeAwsCliVersions(OPTIONAL_THUMBPRINT_AWS_CLI)} require one; without it, setup.sh`,
        '                     reads it with curl and openssl.',
      ],
    }),
    readThumbprintsFunction(),
    `# The OIDC provider: STS accepts web identity tokens from this issuer for this audience.
if ${quiet(formatAwsCliCommand(provider.get, { multiline: false }))}; then
  echo 'OIDC provider exists: adding the audience (no change if it is already there)'
${formatAwsCliCommand(provider.addClientId, indented)}
elif cli_at_least ${OPTIONAL_THUMBPRINT_AWS_CLI.v2} ${OPTIONAL_THUMBPRINT_AWS_CLI.v1} && [ -z "\${${THUMBPRINT_VARIABLE}:-}" ]; then
${formatAwsCliCommand(provider.create, indented)}
else
  read_thumbprints ${shellQuote(values.issuer)}
${formatAwsCliCommand(provider.create, indented)} \\
    --thumbprint-list "\${thumbprints[@]}"
fi
`,
    ...plan.roles.map(roleSection),
    `echo 'Done: the OIDC provider and ${plan.roles.map((r) => r.role.name).join(', ')} are in place.'
`,
  ];
  return sections.join('\n');
}

function roleSection(plan: RolePlan): string {
  const { role } = plan;
  const why = role.fallback
    ? 'the fallback role, for users who match no mapping'
    : role.claim !== undefined
      ? `for tokens whose role claim contains ${JSON.stringify(role.claim)}`
      : 'for tokens that match its CEL matcher';
  const indented = { indent: '  ' };
  const update = [
    formatAwsCliCommand(plan.updateTrustPolicy, indented),
    ...(plan.updateMaxSessionDuration
      ? [formatAwsCliCommand(plan.updateMaxSessionDuration, indented)]
      : []),
  ];
  return `# ${role.name}: ${why}.
if ${quiet(formatAwsCliCommand(plan.get, { multiline: false }))}; then
  echo 'Role ${role.name} exists: updating its trust policy'
${update.join('\n')}
else
${formatAwsCliCommand(plan.create, indented)}
fi
${formatAwsCliCommand(plan.putPolicy)}
`;
}
