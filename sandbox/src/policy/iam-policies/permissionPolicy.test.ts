// Permission policies: valid identity policies within IAM's quota, no retired aws-mcp actions,
// and evaluated with the project's IAM evaluator with and without the MCP request context.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkPolicySize, evaluatePolicies, validatePolicy } from '../../iam';
import type { Decision, RequestContext } from '../../iam';
import { formatJson } from './formatJson';
import { DENY_OUTSIDE_MCP, generatePermissionPolicy } from './permissionPolicy';
import type { Permissions } from '../types';

const VIA_AWS_MCP: RequestContext = {
  'aws:ViaAWSMCPService': true,
  'aws:CalledViaAWSMCP': 'aws-mcp.amazonaws.com',
};
const VIA_OTHER_MCP: RequestContext = {
  'aws:ViaAWSMCPService': true,
  'aws:CalledViaAWSMCP': 'eks-mcp.amazonaws.com',
};
const DIRECT: RequestContext = {};
const EXPLICITLY_NOT_MCP: RequestContext = { 'aws:ViaAWSMCPService': false };

const EXPLICIT: Permissions = {
  actions: ['ec2:Describe*', 'cloudwatch:GetMetricData'],
  resources: ['*'],
};
const ALL: Permissions[] = [
  'default',
  's3-read-only',
  EXPLICIT,
  { actions: ['s3:GetObject'], resources: ['arn:aws:s3:::reports/*'] },
];

describe('generatePermissionPolicy', () => {
  it('the default preset is the guardrail alone: GetCallerIdentity needs no Allow', () => {
    assert.deepEqual(generatePermissionPolicy('default').Statement, [DENY_OUTSIDE_MCP]);
  });

  for (const permissions of ALL) {
    const label = JSON.stringify(permissions);
    it(`${label}: a valid identity policy within the inline quota, without aws-mcp actions`, () => {
      const text = formatJson(generatePermissionPolicy(permissions));
      const parsed = validatePolicy(text, { kind: 'identity' });
      assert.ok(parsed.ok, JSON.stringify(parsed.problems));
      assert.ok(checkPolicySize(text, 'inlineRole').ok);
      assert.doesNotMatch(text, /aws-mcp:/);
      assert.equal(generatePermissionPolicy(permissions).Statement.at(-1)?.Sid, 'DenyOutsideMcp');
    });
  }

  const decisions: {
    name: string;
    permissions: Permissions;
    action: string;
    resource: string;
    context: RequestContext;
    decision: Decision;
  }[] = [
    {
      name: 's3 preset allows ListBucket through the AWS MCP Server',
      permissions: 's3-read-only',
      action: 's3:ListBucket',
      resource: 'arn:aws:s3:::reports',
      context: VIA_AWS_MCP,
      decision: 'Allow',
    },
    {
      name: 's3 preset allows GetObject through the AWS MCP Server',
      permissions: 's3-read-only',
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::reports/q1.csv',
      context: VIA_AWS_MCP,
      decision: 'Allow',
    },
    {
      name: 's3 preset: the guardrail denies ListBucket without the MCP context',
      permissions: 's3-read-only',
      action: 's3:ListBucket',
      resource: 'arn:aws:s3:::reports',
      context: DIRECT,
      decision: 'ExplicitDeny',
    },
    {
      name: 's3 preset: the guardrail denies when ViaAWSMCPService is false',
      permissions: 's3-read-only',
      action: 's3:ListBucket',
      resource: 'arn:aws:s3:::reports',
      context: EXPLICITLY_NOT_MCP,
      decision: 'ExplicitDeny',
    },
    {
      name: 's3 preset: another MCP server is not the AWS MCP Server',
      permissions: 's3-read-only',
      action: 's3:ListBucket',
      resource: 'arn:aws:s3:::reports',
      context: VIA_OTHER_MCP,
      decision: 'ImplicitDeny',
    },
    {
      name: 's3 preset does not allow writes',
      permissions: 's3-read-only',
      action: 's3:PutObject',
      resource: 'arn:aws:s3:::reports/x',
      context: VIA_AWS_MCP,
      decision: 'ImplicitDeny',
    },
    {
      // GetCallerIdentity needs no permission (AWS answers it whatever the policy says), so the
      // default preset allows nothing and the policy's own decision is an implicit deny.
      name: 'default preset allows nothing via MCP, not even GetCallerIdentity',
      permissions: 'default',
      action: 'sts:GetCallerIdentity',
      resource: '*',
      context: VIA_AWS_MCP,
      decision: 'ImplicitDeny',
    },
    {
      name: 'default preset denies ListBucket via MCP',
      permissions: 'default',
      action: 's3:ListBucket',
      resource: 'arn:aws:s3:::reports',
      context: VIA_AWS_MCP,
      decision: 'ImplicitDeny',
    },
    {
      name: 'default preset: the guardrail denies every action outside MCP',
      permissions: 'default',
      action: 'sts:GetCallerIdentity',
      resource: '*',
      context: DIRECT,
      decision: 'ExplicitDeny',
    },
    {
      name: 'explicit: allowed through the AWS MCP Server',
      permissions: EXPLICIT,
      action: 'ec2:DescribeInstances',
      resource: '*',
      context: VIA_AWS_MCP,
      decision: 'Allow',
    },
    {
      name: 'explicit: the guardrail denies it directly',
      permissions: EXPLICIT,
      action: 'ec2:DescribeInstances',
      resource: '*',
      context: DIRECT,
      decision: 'ExplicitDeny',
    },
    {
      name: 'explicit: other actions stay denied',
      permissions: EXPLICIT,
      action: 'ec2:TerminateInstances',
      resource: '*',
      context: VIA_AWS_MCP,
      decision: 'ImplicitDeny',
    },
    {
      name: 'explicit resources are honoured',
      permissions: { actions: ['s3:GetObject'], resources: ['arn:aws:s3:::reports/*'] },
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::secrets/key',
      context: VIA_AWS_MCP,
      decision: 'ImplicitDeny',
    },
  ];
  for (const c of decisions) {
    it(c.name, () => {
      const evaluation = evaluatePolicies([generatePermissionPolicy(c.permissions)], {
        action: c.action,
        resource: c.resource,
        context: c.context,
      });
      assert.equal(evaluation.decision, c.decision, evaluation.explanation);
    });
  }
});
