import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { DEFAULT_ROLE_POLICY, S3_READONLY_POLICY } from './testAccount';

describe('test fixtures', () => {
  it('use the permission policies the tutorial publishes', async () => {
    const tutorial = await readFile(
      new URL('../../../../docs/toolhive/tutorials/aws-sts-integration.mdx', import.meta.url),
      'utf8'
    );
    const block = (title: string): unknown => {
      const match = new RegExp('```json title="' + title + '"\\n([\\s\\S]*?)\\n```').exec(tutorial);
      assert.ok(match?.[1], `the tutorial has a ${title} block`);
      return JSON.parse(match[1]);
    };
    assert.deepEqual(JSON.parse(DEFAULT_ROLE_POLICY), block('default-role-permissions.json'));
    assert.deepEqual(JSON.parse(S3_READONLY_POLICY), block('s3-readonly-permissions.json'));
  });
});
