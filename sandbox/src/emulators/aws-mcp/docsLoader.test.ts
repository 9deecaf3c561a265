import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadDocPages } from './docsLoader';

describe('loadDocPages', () => {
  it('reads the repository docs, including the tutorial', async () => {
    const pages = await loadDocPages();
    assert.ok(pages.some((p) => p.urlPath === '/toolhive/tutorials/aws-sts-integration'));
  });

  it('yields nothing for a missing directory', async () => {
    assert.deepEqual(await loadDocPages('/nonexistent/docs'), []);
  });
});
