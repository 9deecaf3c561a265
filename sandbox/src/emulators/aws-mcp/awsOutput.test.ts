import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatBucketListing, formatObjectListing, toCliJson } from './awsOutput';

const T = new Date('2026-01-15T10:00:00Z');

describe('AWS CLI output', () => {
  const cases: { name: string; actual: () => string; expected: string }[] = [
    {
      name: 'JSON with 4-space indent and +00:00 timestamps',
      actual: () => toCliJson({ Buckets: [{ Name: 'b', CreationDate: T }] }),
      expected:
        '{\n    "Buckets": [\n        {\n            "Name": "b",\n            "CreationDate": "2026-01-15T10:00:00+00:00"\n        }\n    ]\n}',
    },
    {
      name: 's3 ls of buckets',
      actual: () => formatBucketListing([{ Name: 'example-bucket', CreationDate: T }]),
      expected: '2026-01-15 10:00:00 example-bucket',
    },
    {
      name: 's3 ls of a bucket, prefixes first, names relative to the prefix',
      actual: () =>
        formatObjectListing(
          'reports/',
          [{ Prefix: 'reports/2026/' }],
          [{ Key: 'reports/a.csv', LastModified: T, Size: 42 }]
        ),
      expected: `${' '.repeat(27)}PRE 2026/\n2026-01-15 10:00:00         42 a.csv`,
    },
  ];
  for (const c of cases) {
    it(c.name, () => assert.equal(c.actual(), c.expected));
  }
});
