import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseScriptCalls, pascalOperation } from './scriptCalls';

describe('parseScriptCalls', () => {
  const cases: { name: string; code: string; expected: unknown[] | RegExp }[] = [
    {
      name: 'the tutorial’s awaited call with region_name',
      code: "r = await call_boto3(service_name='sts', operation_name='GetCallerIdentity', region_name='us-east-1')\nprint(r['Arn'])",
      expected: [
        { service: 'sts', operation: 'GetCallerIdentity', params: {}, region: 'us-east-1' },
      ],
    },
    {
      name: 'several calls in order, double quotes, trailing comma, multi-line',
      code: `a = call_boto3(service_name="s3", operation_name="ListBuckets")
b = call_boto3(
    service_name='s3',
    operation_name='ListObjectsV2',
    Bucket='example-bucket',  # the tutorial's bucket
    MaxKeys=2,
)`,
      expected: [
        { service: 's3', operation: 'ListBuckets', params: {} },
        {
          service: 's3',
          operation: 'ListObjectsV2',
          params: { Bucket: 'example-bucket', MaxKeys: 2 },
        },
      ],
    },
    {
      name: 'positional names, snake_case operation, params dict and literals',
      code: "call_boto3('s3', 'list_objects_v2', params={'Bucket': 'b', 'Prefix': 'r' 'eports/'}, FetchOwner=True, X=None)",
      expected: [
        {
          service: 's3',
          operation: 'ListObjectsV2',
          params: { Bucket: 'b', Prefix: 'reports/', FetchOwner: true, X: null },
        },
      ],
    },
    {
      name: 'calls inside comments and strings are ignored',
      code: "# call_boto3(service_name='s3', operation_name='ListBuckets')\ns = \"call_boto3('x', 'y')\"\ncall_boto3(service_name='sts', operation_name='GetCallerIdentity')",
      expected: [{ service: 'sts', operation: 'GetCallerIdentity', params: {} }],
    },
    { name: 'no call at all', code: 'print("hello")', expected: /No call_boto3/ },
    {
      name: 'a variable argument',
      code: "bucket = 'b'\ncall_boto3(service_name='s3', operation_name='ListObjectsV2', Bucket=bucket)",
      expected: /line 2: Bucket must be a literal/,
    },
    {
      name: 'an f-string',
      code: "call_boto3(service_name='s3', operation_name='GetObject', Bucket=f'{b}', Key='k')",
      expected: /Bucket must be a literal/,
    },
    {
      name: 'a missing operation',
      code: "call_boto3(service_name='s3')",
      expected: /operation_name must be a string literal/,
    },
    {
      name: 'an unterminated call',
      code: "call_boto3(service_name='s3', operation_name='ListBuckets'",
      expected: /expected "," or "\)"|must be a literal/,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const result = parseScriptCalls(c.code);
      if (c.expected instanceof RegExp) {
        assert.equal(result.ok, false);
        assert.match(result.ok ? '' : result.message, c.expected);
      } else {
        assert.deepEqual(result, { ok: true, calls: c.expected });
      }
    });
  }
});

describe('pascalOperation', () => {
  const cases: [string, string][] = [
    ['list_objects_v2', 'ListObjectsV2'],
    ['get_caller_identity', 'GetCallerIdentity'],
    ['ListBuckets', 'ListBuckets'],
    ['listBuckets', 'ListBuckets'],
  ];
  for (const [input, expected] of cases) {
    it(`${input} → ${expected}`, () => assert.equal(pascalOperation(input), expected));
  }
});
