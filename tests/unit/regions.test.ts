// The tutorial names the AWS MCP Server's Regions in prose; they are the generator's list, so the
// page, the "Your values" choice and the generator cannot drift apart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readDocPage, docsRoot } from './lib/mdx';
import { AWS_MCP_SERVER_REGIONS, AWS_MCP_SERVER_REGIONS_SOURCE } from '../../sandbox/src/policy';

const page = readDocPage(`${docsRoot}/toolhive/tutorials/aws-sts-integration.mdx`);

test('the tutorial lists exactly the generator’s AWS MCP Server Regions, in order, with the source', () => {
  const prose = page.source.replace(/\s+/g, ' ');
  const sentence = /AWS serves the AWS MCP Server in eight Regions: (.*?)\. Pick/.exec(prose);
  assert.ok(sentence, 'the sentence listing the Regions is missing');
  const listed = [...(sentence[1] ?? '').matchAll(/`([a-z0-9-]+)` \(([^)]+)\)/g)].map((m) => ({
    code: m[1],
    name: m[2],
  }));
  assert.deepEqual(
    listed,
    AWS_MCP_SERVER_REGIONS.map(({ code, name }) => ({
      code,
      // The page writes "US East, N. Virginia" where AWS writes "US East (N. Virginia)".
      name: name.replace(/ \((.*)\)$/, ', $1'),
    }))
  );
  assert.ok(page.source.includes(AWS_MCP_SERVER_REGIONS_SOURCE));
});
