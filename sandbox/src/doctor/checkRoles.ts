// The `role` link: every role the configuration names exists under exactly that ARN (path
// included), and allows the configured sessionDuration. Read through IAM (`--aws`) or from a
// pasted `aws iam get-role` output. It does not evaluate policies (trust-policy, permissions).

import type { AwsStsConfig } from '../config';
import type { AccountFacts } from './accountFacts';
import { configRoleArns, parseRoleArn } from './arns';
import { IAM_READ_FIX } from './checkProvider';
import { fail, pass, skip, skipInvalidConfig } from './report';
import type { DoctorCheck } from './types';

interface RoleProblem {
  message: string;
  fix: string;
}

/**
 * Checks each configured role (the token's role first).
 * @example checkRoles(facts, config, selectedRoleArn).status
 */
export function checkRoles(
  facts: AccountFacts | undefined,
  config: AwsStsConfig | undefined,
  selectedRoleArn: string | undefined
): DoctorCheck {
  if (config === undefined) return skipInvalidConfig('role');
  if (facts === undefined) {
    return skip('role', 'not checked: add --aws to read the roles with your AWS credentials');
  }
  if (facts.source === 'pasted') return checkPastedRole(facts, config, selectedRoleArn);
  const arns = configRoleArns(config).sort((a, b) =>
    a === selectedRoleArn ? -1 : b === selectedRoleArn ? 1 : 0
  );
  const problems: RoleProblem[] = [];
  const fine: string[] = [];
  for (const arn of arns) {
    const problem = roleProblem(facts, config, arn, arn === selectedRoleArn);
    if (problem) problems.push(problem);
    else fine.push(parseRoleArn(arn)?.roleName ?? arn);
  }
  const [first, ...rest] = problems;
  if (first !== undefined) {
    const details = [
      ...rest.map((p) => `${p.message} (fix: ${p.fix})`),
      ...(fine.length > 0 ? [`fine: ${fine.join(', ')}`] : []),
    ];
    return fail('role', first.message, first.fix, details);
  }
  return pass(
    'role',
    `${arns.length === 1 ? 'the role' : `all ${arns.length} roles`} the configuration names exist${arns.length > 1 ? ` (${fine.join(', ')})` : ` (${fine[0] ?? ''})`} and allow sessions of ${config.sessionDuration} s`
  );
}

function roleProblem(
  facts: AccountFacts,
  config: AwsStsConfig,
  arn: string,
  isTokens: boolean
): RoleProblem | undefined {
  const parts = parseRoleArn(arn);
  const name = parts?.roleName ?? arn;
  const whose = isTokens ? "this token's role" : 'role';
  const field = fieldNaming(config, arn);
  const read = facts.roles.get(arn);
  if (read === undefined) return { message: `${whose} ${arn} was not read`, fix: IAM_READ_FIX };
  if (!read.ok) {
    return { message: `GetRole ${name} failed: ${read.error}`, fix: IAM_READ_FIX };
  }
  const role = read.value;
  if (role === undefined) {
    return {
      message: `${whose} ${arn} does not exist: STS answers AccessDenied "Not authorized to perform sts:AssumeRoleWithWebIdentity"`,
      fix: `create it (aws iam create-role --role-name ${name} --assume-role-policy-document file://trust-policy.json), or correct ${field}`,
    };
  }
  if (role.arn !== arn) {
    return {
      message: `${whose} is named ${arn} in the configuration, but IAM's role ${name} has the ARN ${role.arn} (the path differs): STS answers AccessDenied`,
      fix: `set ${field}: ${role.arn}`,
    };
  }
  if (role.maxSessionDuration < config.sessionDuration) {
    return {
      message: `${whose} ${name} allows sessions of at most ${role.maxSessionDuration} s, but sessionDuration is ${config.sessionDuration}: STS answers ValidationError`,
      fix: `aws iam update-role --role-name ${name} --max-session-duration ${config.sessionDuration}, or set awsSts.sessionDuration: ${role.maxSessionDuration}`,
    };
  }
  return undefined;
}

/** Where the configuration names a role ARN, e.g. `awsSts.roleMappings[1].roleArn`. */
function fieldNaming(config: AwsStsConfig, arn: string): string {
  if (config.fallbackRoleArn === arn) return 'awsSts.fallbackRoleArn';
  const index = config.roleMappings.findIndex((mapping) => mapping.roleArn === arn);
  return index >= 0 ? `awsSts.roleMappings[${index}].roleArn` : 'the role ARN';
}

function checkPastedRole(
  facts: AccountFacts,
  config: AwsStsConfig,
  selectedRoleArn: string | undefined
): DoctorCheck {
  const pasted = [...facts.roles.entries()].find(([, read]) => read.ok && read.value !== undefined);
  if (pasted === undefined) {
    return skip(
      'role',
      'not checked: paste the output of "aws iam get-role --role-name NAME" (or run doctor --aws) to check the role'
    );
  }
  const [arn, read] = pasted;
  const role = read.ok ? read.value : undefined;
  if (role === undefined) return skip('role', 'not checked');
  if (selectedRoleArn !== undefined && arn !== selectedRoleArn) {
    const wanted = parseRoleArn(selectedRoleArn)?.roleName ?? selectedRoleArn;
    return fail(
      'role',
      `the pasted get-role output is for ${arn}, but this token maps to ${selectedRoleArn}`,
      `paste the output of aws iam get-role --role-name ${wanted}`
    );
  }
  const problem = roleProblem(facts, config, arn, true);
  if (problem) return fail('role', problem.message, problem.fix);
  return pass(
    'role',
    `${arn} exists (pasted get-role output) and allows sessions of ${config.sessionDuration} s; other roles are checked with --aws`
  );
}
