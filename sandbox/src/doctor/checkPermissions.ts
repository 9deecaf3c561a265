// The `permissions` link: whether each role's permission policies work through the AWS MCP
// Server (calls carry aws:ViaAWSMCPService=true and aws:CalledViaAWSMCP=aws-mcp.amazonaws.com)
// and only through it (the guardrail), evaluated by the project's IAM evaluator on one sample
// call per allowed action. It does not call AWS; the policies come from IAM or a paste.

import { evaluateParsedPolicies, requestTimeContext, validatePolicy } from '../iam';
import type { Evaluation, ParsedPolicy, RequestContext } from '../iam';
import {
  AWS_MCP_SERVICE_PRINCIPAL,
  CALLED_VIA_MCP_KEY,
  DENY_OUTSIDE_MCP,
  VIA_MCP_KEY,
} from '../policy';
import type { AccountFacts } from './accountFacts';
import { parseRoleArn } from './arns';
import { IAM_READ_FIX } from './checkProvider';
import { fail, pass, skip } from './report';
import type { DoctorCheck, IamPolicyDocument } from './types';

/** The retired `aws-mcp:*` actions (since 2026-03-24 they grant and deny nothing). */
const RETIRED_PREFIX = 'aws-mcp:';

interface Problem {
  message: string;
  fix: string;
}

interface RoleVerdict {
  roleName: string;
  problem?: Problem;
  summary: string;
}

/**
 * Checks every role whose permission policies were read (the token's role first).
 * @example checkPermissions(facts, selectedRoleArn, 'us-east-1', new Date()).status
 */
export function checkPermissions(
  facts: AccountFacts | undefined,
  selectedRoleArn: string | undefined,
  region: string | undefined,
  now: Date
): DoctorCheck {
  if (facts === undefined || facts.permissions.size === 0) {
    const why =
      facts?.source === 'iam'
        ? 'no role could be read (see role)'
        : "add --aws (or paste the role's permission policies) to check them";
    return skip('permissions', `not checked: ${why}`);
  }
  const arns = [...facts.permissions.keys()].sort((a, b) =>
    a === selectedRoleArn ? -1 : b === selectedRoleArn ? 1 : 0
  );
  const verdicts = arns.map((arn) => {
    const read = facts.permissions.get(arn);
    const roleName = parseRoleArn(arn)?.roleName ?? arn;
    if (read === undefined || !read.ok) {
      const error = read?.ok === false ? read.error : 'not read';
      const fix = facts.source === 'iam' ? IAM_READ_FIX : 'paste each policy as JSON';
      return {
        roleName,
        summary: '',
        problem: { message: `${roleName}: reading its policies failed: ${error}`, fix },
      };
    }
    return judgeRole(roleName, arn, read.value, region ?? 'us-east-1', now);
  });
  const failing = verdicts.filter((verdict) => verdict.problem !== undefined);
  const [first, ...rest] = failing;
  if (first?.problem !== undefined) {
    return fail('permissions', first.problem.message, first.problem.fix, [
      ...rest.map((v) => `${v.problem?.message ?? ''} (fix: ${v.problem?.fix ?? ''})`),
      ...verdicts.filter((v) => v.problem === undefined).map((v) => `${v.roleName}: ${v.summary}`),
    ]);
  }
  const [own, ...others] = verdicts;
  return pass(
    'permissions',
    `${own?.roleName ?? ''}: ${own?.summary ?? ''}${others.length > 0 ? `; ${others.length} other role(s) fine too` : ''}`,
    others.map((v) => `${v.roleName}: ${v.summary}`)
  );
}

interface Sample {
  action: string;
  resource: string;
  policyIndex: number;
  statementIndex: number;
  pattern: string;
}

function judgeRole(
  roleName: string,
  roleArn: string,
  documents: readonly IamPolicyDocument[],
  region: string,
  now: Date
): RoleVerdict {
  const parsed: ParsedPolicy[] = [];
  for (const document of documents) {
    const result = validatePolicy(document.document, { kind: 'identity' });
    if (!result.ok) {
      return {
        roleName,
        summary: '',
        problem: {
          message: `${roleName}: policy ${document.source} is malformed: ${result.problems.map((p) => p.message).join('; ')}`,
          fix: `fix the document, then ${updateCommand(roleName, document)}`,
        },
      };
    }
    parsed.push(result.policy);
  }
  const { samples, retired } = samplesOf(parsed);
  const names = documents.map((document) => document.source).join(', ') || 'no policies';
  if (samples.length === 0) {
    if (retired.length > 0) {
      return {
        roleName,
        summary: '',
        problem: {
          message: `${roleName}: its policies (${names}) allow only ${retired.join(', ')}; the aws-mcp:* actions were retired on 2026-03-24 and grant nothing, so every AWS call through the AWS MCP Server is denied`,
          fix: `allow the service actions the tools call instead (e.g. s3:ListBucket), each with the condition {"StringEquals": {"${CALLED_VIA_MCP_KEY}": "${AWS_MCP_SERVICE_PRINCIPAL}"}}`,
        },
      };
    }
    return {
      roleName,
      summary: `allows no AWS actions (${names}); the AWS MCP Server's knowledge tools and sts:GetCallerIdentity need none`,
    };
  }
  const mcp = callContext(roleArn, region, now, true);
  const direct = callContext(roleArn, region, now, false);
  for (const sample of samples) {
    const target = { action: sample.action, resource: sample.resource };
    const viaMcp = evaluateParsedPolicies(parsed, { ...target, context: mcp });
    const source = documents[sample.policyIndex] as IamPolicyDocument;
    const where = statementLabel(viaMcp, sample, source);
    if (!viaMcp.allowed) {
      return {
        roleName,
        summary: '',
        problem: {
          message: `${roleName}: ${where} allows ${sample.pattern}, but not through the AWS MCP Server: ${denialReason(viaMcp, sample)}`,
          fix: `change the condition so that calls with ${VIA_MCP_KEY}=true and ${CALLED_VIA_MCP_KEY}=${AWS_MCP_SERVICE_PRINCIPAL} pass, then ${updateCommand(roleName, source)}`,
        },
      };
    }
    const outside = evaluateParsedPolicies(parsed, { ...target, context: direct });
    if (outside.allowed) {
      return {
        roleName,
        summary: '',
        problem: {
          message: `${roleName}: ${where} allows ${sample.pattern} outside the AWS MCP Server too: no statement uses the AWS MCP condition keys (${VIA_MCP_KEY}, ${CALLED_VIA_MCP_KEY}), so anyone holding the role's credentials can call AWS directly`,
          fix: `add the guardrail statement ${JSON.stringify(DENY_OUTSIDE_MCP)} to ${source.source} (or the condition {"StringEquals": {"${CALLED_VIA_MCP_KEY}": "${AWS_MCP_SERVICE_PRINCIPAL}"}} to each Allow), then ${updateCommand(roleName, source)}`,
        },
      };
    }
  }
  const actions = [...new Set(samples.map((sample) => sample.pattern))];
  const retiredNote = retired.length > 0 ? ` (${retired.join(', ')} are retired and ignored)` : '';
  return {
    roleName,
    summary: `${actions.join(', ')} allowed through the AWS MCP Server and denied outside it${retiredNote}`,
  };
}

/** One sample call per allowed (non-retired) action pattern, with a resource its statement names. */
function samplesOf(policies: readonly ParsedPolicy[]): { samples: Sample[]; retired: string[] } {
  const samples: Sample[] = [];
  const retired: string[] = [];
  policies.forEach((policy, policyIndex) => {
    policy.statements.forEach((statement, statementIndex) => {
      if (statement.effect !== 'Allow') return;
      const patterns = statement.action ?? (statement.notAction ? ['*'] : []);
      const resource = sampleValue(statement.resource?.[0] ?? '*');
      for (const pattern of patterns) {
        if (pattern.toLowerCase().startsWith(RETIRED_PREFIX)) {
          retired.push(pattern);
          continue;
        }
        samples.push({
          action: sampleAction(pattern),
          resource,
          policyIndex,
          statementIndex,
          pattern,
        });
      }
    });
  });
  return { samples, retired: [...new Set(retired)] };
}

function sampleAction(pattern: string): string {
  if (!pattern.includes(':')) return 's3:ListAllMyBuckets';
  return pattern.replace(/\*/g, 'Any').replace(/\?/g, 'X');
}

function sampleValue(pattern: string): string {
  return pattern === '*' ? '*' : pattern.replace(/\*/g, 'any').replace(/\?/g, 'x');
}

function callContext(roleArn: string, region: string, now: Date, viaMcp: boolean): RequestContext {
  const account = parseRoleArn(roleArn)?.accountId;
  return {
    ...(viaMcp ? { [VIA_MCP_KEY]: true, [CALLED_VIA_MCP_KEY]: AWS_MCP_SERVICE_PRINCIPAL } : {}),
    'aws:PrincipalArn': roleArn,
    ...(account ? { 'aws:PrincipalAccount': account } : {}),
    'aws:PrincipalType': 'AssumedRole',
    'aws:RequestedRegion': region,
    'aws:SecureTransport': true,
    ...requestTimeContext(now),
  };
}

function statementLabel(evaluation: Evaluation, sample: Sample, source: IamPolicyDocument): string {
  const trace = evaluation.statements.find(
    (t) => t.policyIndex === sample.policyIndex && t.statementIndex === sample.statementIndex
  );
  const name = trace?.sid ? `statement "${trace.sid}"` : `Statement[${sample.statementIndex}]`;
  return `${name} of ${source.source}`;
}

function denialReason(evaluation: Evaluation, sample: Sample): string {
  if (evaluation.decision === 'ExplicitDeny') {
    return evaluation.statements
      .filter((t) => t.applies && t.effect === 'Deny')
      .map(
        (t) =>
          `${t.sid ? `statement "${t.sid}"` : `Statement[${t.statementIndex}]`} denies it (${t.reason})`
      )
      .join('; ');
  }
  const own = evaluation.statements.find(
    (t) => t.policyIndex === sample.policyIndex && t.statementIndex === sample.statementIndex
  );
  return own ? `it does not apply: ${own.reason}` : evaluation.explanation;
}

function updateCommand(roleName: string, document: IamPolicyDocument): string {
  const [kind, name = ''] = document.source.split(' ');
  if (kind === 'inline') {
    return `aws iam put-role-policy --role-name ${roleName} --policy-name ${name} --policy-document file://permission-policy.json`;
  }
  if (kind === 'managed') {
    return `aws iam create-policy-version --policy-arn ${name} --policy-document file://permission-policy.json --set-as-default`;
  }
  return 'update the policy in IAM';
}
