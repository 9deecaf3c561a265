import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCliCommand, tokenizeCommand, type CliParse } from './cliCommand';

describe('parseCliCommand', () => {
  const cases: { name: string; line: string; expected: CliParse | RegExp }[] = [
    {
      name: 'sts get-caller-identity',
      line: 'aws sts get-caller-identity',
      expected: {
        ok: true,
        call: { service: 'sts', operation: 'GetCallerIdentity', params: {} },
        display: 'json',
      },
    },
    {
      name: 'list-objects-v2 with prefix, max-keys and a global region',
      line: 'aws --region eu-west-1 s3api list-objects-v2 --bucket example-bucket --prefix=reports/ --max-keys 2',
      expected: {
        ok: true,
        call: {
          service: 's3',
          operation: 'ListObjectsV2',
          params: { Bucket: 'example-bucket', Prefix: 'reports/', MaxKeys: 2 },
        },
        display: 'json',
        region: 'eu-west-1',
      },
    },
    {
      name: 'get-object with an outfile and --output json',
      line: "aws s3api get-object --bucket example-bucket --key 'reports/summary.json' out.json --output json",
      expected: {
        ok: true,
        call: {
          service: 's3',
          operation: 'GetObject',
          params: { Bucket: 'example-bucket', Key: 'reports/summary.json' },
        },
        display: 'json',
      },
    },
    {
      name: 's3 ls of buckets',
      line: 'aws s3 ls',
      expected: {
        ok: true,
        call: { service: 's3', operation: 'ListBuckets', params: {} },
        display: 's3-ls',
      },
    },
    {
      name: 's3 ls of a prefix uses the / delimiter',
      line: 'aws s3 ls s3://example-bucket/reports/',
      expected: {
        ok: true,
        call: {
          service: 's3',
          operation: 'ListObjectsV2',
          params: { Bucket: 'example-bucket', Prefix: 'reports/', Delimiter: '/' },
        },
        display: 's3-ls',
      },
    },
    {
      name: 'a missing required option',
      line: 'aws s3api get-object --bucket b',
      expected: /required: --key/,
    },
    {
      name: 'an unknown option',
      line: 'aws s3api list-buckets --foo 1',
      expected: /^Unknown options: --foo$/,
    },
    {
      name: 'a non-integer max-keys',
      line: 'aws s3api list-objects-v2 --bucket b --max-keys ten',
      expected: /invalid int value/,
    },
    {
      name: 'an unsupported command',
      line: 'aws iam list-roles',
      expected: /"aws iam list-roles" is not supported.*aws s3 ls/,
    },
    {
      name: 'not an aws command',
      line: 'curl https://example.com',
      expected: /must start with "aws"/,
    },
    {
      name: 'a profile',
      line: 'aws sts get-caller-identity --profile prod',
      expected: /--profile is not supported/,
    },
    { name: 'a pipe', line: 'aws s3 ls | head', expected: /Shell syntax "\|" is not supported/ },
    {
      name: 'a command substitution',
      line: 'aws s3 ls "$(whoami)"',
      expected: /Shell syntax "\$" is not supported/,
    },
    {
      name: 'text output',
      line: 'aws s3api list-buckets --output text',
      expected: /--output text is not supported/,
    },
    {
      name: 'a bad Region',
      line: 'aws sts get-caller-identity --region mars',
      expected: /Invalid region "mars"/,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const result = parseCliCommand(c.line);
      if (c.expected instanceof RegExp) {
        assert.equal(result.ok, false);
        assert.match(result.ok ? '' : result.message, c.expected);
      } else {
        assert.deepEqual(result, c.expected);
      }
    });
  }
});

describe('tokenizeCommand', () => {
  const cases: { line: string; tokens: string[] | undefined }[] = [
    { line: 'aws  s3   ls', tokens: ['aws', 's3', 'ls'] },
    {
      line: `aws s3 ls "s3://my bucket/a \\"b\\""`,
      tokens: ['aws', 's3', 'ls', 's3://my bucket/a "b"'],
    },
    { line: "aws s3 ls 's3://x/$HOME'", tokens: ['aws', 's3', 'ls', 's3://x/$HOME'] },
    { line: 'aws s3 ls my\\ bucket', tokens: ['aws', 's3', 'ls', 'my bucket'] },
    { line: 'aws ""', tokens: ['aws', ''] },
    { line: 'aws "unterminated', tokens: undefined },
    { line: 'aws s3 ls > out.txt', tokens: undefined },
  ];
  for (const c of cases) {
    it(JSON.stringify(c.line), () => {
      const result = tokenizeCommand(c.line);
      assert.deepEqual(result.ok ? result.tokens : undefined, c.tokens);
    });
  }
});
