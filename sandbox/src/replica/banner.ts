// The text `npm run sandbox` prints once ready: every URL, the roles, the demo users and what each
// gets, and commands to copy. It never contains a token or a secret; it prints nothing itself.

import { roleNameOf, type DemoUserOutcome } from './demoUsers';
import { SERVICE_LABELS, type ReplicaService } from './ports';
import type { Replica } from './startReplica';
import { tryCommands } from './tryCommands';

/** Where the walkthrough lives on the site that `npm start` serves. */
export const SANDBOX_DOCS_PATH = '/toolhive/tutorials/aws-sts-sandbox';

/**
 * The banner for a started replica.
 * @example io.stdout(renderBanner(replica))
 */
export function renderBanner(replica: Replica): string {
  const { urls } = replica;
  const services: [ReplicaService, string, string][] = [
    ['proxy', urls.proxy, 'point MCP clients here'],
    ['oidc', urls.issuer, `issuer; tokens for audience ${replica.audience}`],
    ['sts', urls.sts, 'AssumeRoleWithWebIdentity'],
    ['iam', urls.iam, `aws iam … --endpoint-url ${urls.iam.replace(/\/$/, '')}`],
    ['awsMcp', urls.upstream, 'SigV4 only: reach it through the proxy'],
  ];
  const labelWidth = Math.max(...services.map(([service]) => SERVICE_LABELS[service].length));
  const urlWidth = Math.max(...services.map(([, url]) => url.length));
  const source =
    replica.source === 'tutorial'
      ? "the tutorial's example files"
      : 'your configuration (--config)';
  const roleWidth = Math.max(...replica.roles.map((role) => role.name.length));
  const userWidth = Math.max(...replica.users.map((user) => user.name.length));
  const groupsText = (user: DemoUserOutcome): string => `groups [${user.groups.join(', ')}]`;
  const groupsWidth = Math.max(...replica.users.map((user) => groupsText(user).length));

  const lines = [
    'ToolHive AWS STS sandbox is ready. Everything runs on 127.0.0.1; no AWS account is used.',
    '',
    'Services',
    ...services.map(
      ([service, url, note]) =>
        `  ${SERVICE_LABELS[service].padEnd(labelWidth)}  ${url.padEnd(urlWidth)}  ${note}`
    ),
    '',
    ...behaviourLines(replica),
    '',
    `Roles in account ${replica.accountId} (${source}, region ${replica.config.region})`,
    ...replica.roles.map(
      (role) =>
        `  ${role.name.padEnd(roleWidth)}  ${roleRule(replica, role.arn, role.fallback)}; ${role.permissions}${
          role.restrictSubjects.length > 0
            ? `; trust policy allows only sub ${role.restrictSubjects.join(', ')}`
            : ''
        }`
    ),
    '',
    'Demo users (no passwords; pick one on the login page or with --user)',
    ...replica.users.map(
      (user) =>
        `  ${user.name.padEnd(userWidth)}  ${groupsText(user).padEnd(groupsWidth)}  -> ${outcome(user)}`
    ),
    '',
    'Try it in another terminal, from this repository:',
    ...tryCommands({ proxy: urls.proxy, issuer: urls.issuer }).flatMap((step, index) => [
      '',
      `${index + 1}. ${step.title}`,
      ...step.lines.map((line) => `   ${line}`),
    ]),
    '',
    `Walkthrough: http://127.0.0.1:3000${SANDBOX_DOCS_PATH} (npm start serves the site). Press Ctrl-C to stop.`,
  ];
  return lines.join('\n');
}

/**
 * Which mode the proxy runs and whether the AWS MCP Server emulator throttles, with the flag that
 * changes each.
 * @example behaviourLines(replica)[1] // '  ToolHive mode (the default): …'
 */
export function behaviourLines(replica: Pick<Replica, 'mode' | 'cache' | 'throttle'>): string[] {
  const mode =
    replica.mode === 'toolhive'
      ? [
          '  ToolHive mode (the default): every answer is the one ToolHive gives; STS is called on every request.',
          '  Restart with --enhanced for the credential cache, errors that say why, and Retry-After.',
        ]
      : [
          `  enhanced mode (--enhanced): ${replica.cache ? 'credential cache on' : 'credential cache off (--no-cache)'}, errors that say why, Retry-After, a challenge on every 401.`,
          '  Without --enhanced the proxy answers exactly as ToolHive does.',
        ];
  const throttle = replica.throttle
    ? "  AWS MCP Server emulator: throttled at AWS's documented 3 requests per second (--throttle)."
    : "  AWS MCP Server emulator: not throttled; --throttle applies AWS's documented 3 requests per second.";
  return ['Behavior', ...mode, throttle];
}

function roleRule(replica: Replica, arn: string, fallback: boolean): string {
  const mappings = replica.config.roleMappings.filter((mapping) => mapping.roleArn === arn);
  const rules = mappings.map((mapping) =>
    mapping.claim !== undefined
      ? `${replica.config.roleClaim} contains ${mapping.claim}`
      : `matcher ${mapping.matcher ?? ''}`
  );
  if (fallback) rules.push('fallback');
  return rules.join(', ');
}

function outcome(user: DemoUserOutcome): string {
  if (user.roleArn === null || user.refusal !== undefined) {
    const why = user.refusal?.includes('session') ? ` (sub "${user.sub}")` : '';
    return `${user.refusal ?? '403'}${why}`;
  }
  const role = roleNameOf(user.roleArn);
  return `${role}${user.fallback ? ' (fallback)' : ''}, session name ${user.sessionName ?? ''}`;
}
