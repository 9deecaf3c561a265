import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AccountState } from '../state';
import { callerFor } from './caller';
import { DEFAULT_BUCKETS } from './fakeS3';
import { invokeAwsCall, type AwsCall, type InvokeContext } from './operations';
import { issueTestCredentials, tutorialTestAccount } from '../../../test/support/accounts';

const NOW = new Date('2026-06-01T12:00:00Z');
const state = tutorialTestAccount();
const LATER = new Date(NOW.getTime() + 3600_000);

function contextFor(
  roleName: string,
  session: string,
  account: AccountState = state
): InvokeContext {
  const creds = issueTestCredentials(account, roleName, session, LATER);
  return {
    caller: callerFor(
      creds,
      account.findRoleByArn(creds.roleArn),
      account.accountId,
      account.partition
    ),
    now: NOW,
    region: 'us-east-1',
    buckets: DEFAULT_BUCKETS,
  };
}

const s3 = contextFor('S3ReadOnlyMCPRole', 'alice');
const fallback = contextFor('DefaultMCPRole', 'bob');

/** A role whose only policy denies all S3 reads explicitly, and allows the rest. */
const denyAccount = tutorialTestAccount();
denyAccount.findRole('S3ReadOnlyMCPRole')?.inlinePolicies.set(
  'DenyS3',
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Deny', Action: 's3:*', Resource: '*' }],
  })
);
const denied = contextFor('S3ReadOnlyMCPRole', 'dave', denyAccount);

const call = (
  operation: string,
  params: Record<string, unknown> = {},
  service = 's3'
): AwsCall => ({
  service,
  operation,
  params,
});

describe('invokeAwsCall', () => {
  const cases: {
    name: string;
    context: InvokeContext;
    call: AwsCall;
    expected:
      | { ok: true; output?: Record<string, unknown>; policyDecision?: string }
      | { ok: false; errorCode: string; message: RegExp };
  }[] = [
    {
      name: 'GetCallerIdentity for the default role, whose policy allows nothing',
      context: fallback,
      call: call('GetCallerIdentity', {}, 'sts'),
      expected: {
        ok: true,
        output: {
          UserId: 'AROADEFAULTEXAMPLE01:bob',
          Account: '123456789012',
          Arn: 'arn:aws:sts::123456789012:assumed-role/DefaultMCPRole/bob',
        },
        policyDecision: 'ImplicitDeny',
      },
    },
    {
      name: 'GetCallerIdentity succeeds as on AWS even where no policy allows it',
      context: s3,
      call: call('GetCallerIdentity', {}, 'sts'),
      expected: { ok: true, policyDecision: 'ImplicitDeny' },
    },
    {
      name: 'ListObjectsV2 with a delimiter groups common prefixes',
      context: s3,
      call: call('ListObjectsV2', { Bucket: 'example-bucket', Delimiter: '/' }),
      expected: {
        ok: true,
        output: {
          IsTruncated: false,
          Contents: [
            {
              Key: 'README.txt',
              LastModified: new Date('2026-01-15T10:00:00Z'),
              ETag: '"de4d95fad1983c935dacb41dfcbcd432"',
              Size: 91,
              StorageClass: 'STANDARD',
            },
          ],
          Name: 'example-bucket',
          Prefix: '',
          Delimiter: '/',
          MaxKeys: 1000,
          CommonPrefixes: [{ Prefix: 'reports/' }],
          KeyCount: 2,
        },
        policyDecision: 'Allow',
      },
    },
    {
      name: 'ListObjectsV2 on a missing bucket (allowed) is NoSuchBucket',
      context: s3,
      call: call('ListObjectsV2', { Bucket: 'nope' }),
      expected: {
        ok: false,
        errorCode: 'NoSuchBucket',
        message:
          /^An error occurred \(NoSuchBucket\) when calling the ListObjectsV2 operation: The specified bucket does not exist$/,
      },
    },
    {
      name: 'ListObjectsV2 on a missing bucket (denied) is AccessDenied first',
      context: fallback,
      call: call('ListObjectsV2', { Bucket: 'nope' }),
      expected: {
        ok: false,
        errorCode: 'AccessDenied',
        message: /s3:ListBucket on resource: "arn:aws:s3:::nope"/,
      },
    },
    {
      name: 'an explicit deny is worded as such',
      context: denied,
      call: call('ListBuckets'),
      expected: {
        ok: false,
        errorCode: 'AccessDenied',
        message:
          /^An error occurred \(AccessDenied\) when calling the ListBuckets operation: User: arn:aws:sts::123456789012:assumed-role\/S3ReadOnlyMCPRole\/dave is not authorized to perform: s3:ListAllMyBuckets with an explicit deny in an identity-based policy$/,
      },
    },
    {
      name: 'GetObject of a missing key with s3:ListBucket is NoSuchKey',
      context: s3,
      call: call('GetObject', { Bucket: 'example-bucket', Key: 'missing.txt' }),
      expected: {
        ok: false,
        errorCode: 'NoSuchKey',
        message: /The specified key does not exist\./,
      },
    },
    {
      name: 'GetObject without Key fails parameter validation',
      context: s3,
      call: call('GetObject', { Bucket: 'example-bucket' }),
      expected: {
        ok: false,
        errorCode: 'ParamValidation',
        message: /Missing required parameter in input: "Key"/,
      },
    },
    {
      name: 'an unsupported operation names the supported ones',
      context: s3,
      call: call('PutObject', { Bucket: 'b', Key: 'k' }),
      expected: {
        ok: false,
        errorCode: 'UnsupportedOperation',
        message: /s3\.PutObject.*sts\.GetCallerIdentity, s3\.ListBuckets/,
      },
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      const result = invokeAwsCall(c.call, c.context);
      assert.equal(result.ok, c.expected.ok, result.ok ? 'succeeded' : result.message);
      if (result.ok && c.expected.ok) {
        if (c.expected.output) assert.deepEqual(result.output, c.expected.output);
        if (c.expected.policyDecision)
          assert.equal(result.policyDecision, c.expected.policyDecision);
      } else if (!result.ok && !c.expected.ok) {
        assert.equal(result.errorCode, c.expected.errorCode);
        assert.match(result.message, c.expected.message);
      }
    });
  }

  it('pages ListObjectsV2 with MaxKeys and the continuation token', () => {
    const first = invokeAwsCall(
      call('ListObjectsV2', { Bucket: 'example-bucket', MaxKeys: 2 }),
      s3
    );
    assert.ok(first.ok);
    assert.equal(first.output.IsTruncated, true);
    assert.deepEqual(
      (first.output.Contents as { Key: string }[]).map((c) => c.Key),
      ['README.txt', 'reports/2026-q1.csv']
    );
    const second = invokeAwsCall(
      call('ListObjectsV2', {
        Bucket: 'example-bucket',
        MaxKeys: 2,
        ContinuationToken: first.output.NextContinuationToken,
      }),
      s3
    );
    assert.ok(second.ok);
    assert.equal(second.output.IsTruncated, false);
    assert.deepEqual(
      (second.output.Contents as { Key: string }[]).map((c) => c.Key),
      ['reports/summary.json']
    );
  });

  it('resumes after a common prefix without repeating it', () => {
    const params = { Bucket: 'example-bucket', Delimiter: '/', MaxKeys: 1, Prefix: '' };
    const pages: string[] = [];
    let token: unknown;
    for (let page = 0; page < 4; page++) {
      const result = invokeAwsCall(
        call(
          'ListObjectsV2',
          token === undefined ? params : { ...params, ContinuationToken: token }
        ),
        s3
      );
      assert.ok(result.ok);
      const out = result.output as {
        Contents?: { Key: string }[];
        CommonPrefixes?: { Prefix: string }[];
        NextContinuationToken?: string;
      };
      pages.push(
        ...(out.Contents ?? []).map((c) => c.Key),
        ...(out.CommonPrefixes ?? []).map((p) => p.Prefix)
      );
      token = out.NextContinuationToken;
      if (token === undefined) break;
    }
    assert.deepEqual(pages, ['README.txt', 'reports/']);
  });
});
