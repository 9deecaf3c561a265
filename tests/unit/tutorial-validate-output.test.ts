// The tutorial's "broken matcher" troubleshooting example: the API server's schema accepts the
// file (so `kubectl apply` does), and the page shows exactly what `npm run cli -- validate` prints
// for it, run here through the same command code with the page's file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse as parseYaml } from 'yaml';
import { readDocPage, docsRoot } from './lib/mdx';
import { fillWithExamples } from '../../sandbox/src/tutorial/placeholders';
import { validateToolHiveResource } from '../../sandbox/test/crdSchemas';
import { validateCommand } from '../../sandbox/src/cli/commands/validate';
import type { CliIo } from '../../sandbox/src/cli/types';

const page = readDocPage(`${docsRoot}/toolhive/tutorials/aws-sts-integration.mdx`);

function fence(title: string): { value: string; lang: string | null } {
  const found = page.fences.filter((f) => (f.meta ?? '').includes(`title="${title}"`));
  assert.equal(found.length, 1, `the tutorial has one block titled "${title}"`);
  return found[0]!;
}

const FILE = 'aws-sts-auth-config.yaml';
const config = fillWithExamples(fence(`${FILE} with a broken matcher`).value);

test('the broken matcher passes the CRD schema, as kubectl apply would accept it', () => {
  assert.deepEqual(validateToolHiveResource(parseYaml(config)), []);
});

test('the page shows the validate command and its real output for that file', async () => {
  assert.equal(
    fence('Validate the configuration').value.trim(),
    `npm run cli -- validate --config ${FILE}`
  );
  const out: string[] = [];
  const io: CliIo = {
    stdout: (text) => out.push(text),
    stderr: (text) => out.push(`stderr: ${text}`),
    readFile: async (path) => {
      assert.equal(path, FILE);
      return config;
    },
    readStdin: async () => '',
  };
  // The command itself, as `npm run cli -- validate` dispatches it (the dispatcher's registry
  // pulls in every command, which the site's type check does not need).
  const code = await validateCommand.run(['--config', FILE], io);
  assert.equal(code, 1, 'validate exits with status 1 for an invalid file');
  assert.match(page.source, /exits with status 1/);
  const shown = fence('Output of validate');
  assert.equal(shown.lang, 'text');
  assert.equal(shown.value, out.join('\n'));
  assert.match(shown.value, /INVALID_MATCHER/);
});
