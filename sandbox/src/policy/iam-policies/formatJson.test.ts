// formatJson: prettier's layout for the documents the tutorial shows, and lossless output.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatJson } from './formatJson';

describe('formatJson', () => {
  const cases: { name: string; value: unknown; text: string }[] = [
    { name: 'empty containers', value: { a: [], b: {} }, text: '{\n  "a": [],\n  "b": {}\n}' },
    {
      name: 'a short list of strings on one line',
      value: { Action: ['s3:GetObject', 's3:ListBucket'] },
      text: '{\n  "Action": ["s3:GetObject", "s3:ListBucket"]\n}',
    },
    {
      name: 'a list that would pass 80 columns, one item per line',
      value: {
        Action: ['s3:GetObject', 's3:ListBucket', 's3:ListAllMyBuckets', 's3:GetBucketLocation'],
      },
      text: '{\n  "Action": [\n    "s3:GetObject",\n    "s3:ListBucket",\n    "s3:ListAllMyBuckets",\n    "s3:GetBucketLocation"\n  ]\n}',
    },
    {
      name: 'lists of objects always break',
      value: [{ a: 1 }],
      text: '[\n  {\n    "a": 1\n  }\n]',
    },
    {
      name: 'scalars',
      value: { s: 'x"y', n: 1, t: true, z: null },
      text: '{\n  "s": "x\\"y",\n  "n": 1,\n  "t": true,\n  "z": null\n}',
    },
  ];
  for (const c of cases) {
    it(c.name, () => assert.equal(formatJson(c.value), c.text));
  }

  it('breaks a list exactly where prettier does: 80 columns, counting the trailing comma', () => {
    const x = (length: number) => 'x'.repeat(length);
    // Checked against prettier 3 with printWidth 80.
    assert.equal(formatJson({ k: [x(68)], next: 1 }).split('\n')[1]?.length, 80);
    assert.match(formatJson({ k: [x(69)], next: 1 }), /"k": \[\n/);
    assert.equal(formatJson({ k: [x(69)] }).split('\n')[1]?.length, 80);
  });

  it('loses nothing and keeps key order', () => {
    const value = {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'A',
          Effect: 'Allow',
          Action: ['a:b'],
          Resource: '*',
          Condition: { Bool: { 'aws:ViaAWSMCPService': 'true' } },
        },
      ],
    };
    const text = formatJson(value);
    assert.deepEqual(JSON.parse(text), value);
    assert.equal(JSON.stringify(JSON.parse(text)), JSON.stringify(value));
  });
});
