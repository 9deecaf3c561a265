// The "Diagnose your setup" page and the tutorial's Troubleshooting section: the example report
// the page shows is what the doctor's core prints for that example, the commands are the ones
// the component builds, and every Troubleshooting entry leads to the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatReport, LINKS } from '@toolhive-aws-sts/sandbox/doctor';
import { RESOURCE_NAMES, TUTORIAL_VALUES } from '@toolhive-aws-sts/sandbox/policy';
import { readDocPage, docsRoot } from './lib/mdx';
import { diagnoseOffline } from '../../src/components/DiagnoseSetup/engine/diagnosis';
import { EXAMPLES } from '../../src/components/DiagnoseSetup/engine/examples';
import {
  CONFIG_FILE,
  onlineCommand,
} from '../../src/components/DiagnoseSetup/engine/onlineCommand';

const page = readDocPage(`${docsRoot}/toolhive/tutorials/aws-sts-diagnose.mdx`);
const tutorial = readDocPage(`${docsRoot}/toolhive/tutorials/aws-sts-integration.mdx`);

function fence(from: typeof page, title: string): string {
  const found = from.fences.filter((f) => (f.meta ?? '').includes(`title="${title}"`));
  assert.equal(found.length, 1, `${from.file} has one block titled "${title}"`);
  return found[0]!.value;
}

/** The clock the page's example report was produced with. */
const EXAMPLE_NOW = new Date('2026-05-04T10:00:00Z');
const PROXY_URL = `https://${TUTORIAL_VALUES.domain}/mcp`;

test("the page's example report is what the core prints for that example", async () => {
  const example = EXAMPLES.find((e) => e.id === 'session-name');
  assert.ok(example);
  assert.ok(page.source.includes(`**${example.label}**`), 'the page names the example');
  const report = await diagnoseOffline(example.build(EXAMPLE_NOW), EXAMPLE_NOW);
  assert.equal(
    fence(page, 'Offline report for the Auth0 session-name example'),
    formatReport(report)
  );
});

test('the page renders the component and closes with Next steps and Related information', () => {
  assert.match(page.source, /^<DiagnoseSetup \/>$/m);
  const h2 = page.headings.filter((h) => h.depth === 2).map((h) => h.text);
  assert.deepEqual(h2.slice(-2), ['Next steps', 'Related information']);
});

test('the table of links lists every link, in the order a request crosses them', () => {
  const rows = [...page.source.matchAll(/^\| `([a-z-]+)` +\|/gm)].map((m) => m[1]);
  assert.deepEqual(rows, [...LINKS]);
});

test("the page's doctor command is the one the component builds", () => {
  assert.equal(
    fence(page, 'Run every check'),
    onlineCommand({ aws: true, exchange: true, proxyUrl: PROXY_URL })
  );
});

test("the page saves the tutorial's three resources in the file the command reads", () => {
  const save = fence(page, 'Save the configuration from the cluster');
  for (const resource of [
    `mcpoidcconfig/${RESOURCE_NAMES.oidcConfig}`,
    `mcpexternalauthconfig/${RESOURCE_NAMES.externalAuthConfig}`,
    `mcpremoteproxy/${RESOURCE_NAMES.remoteProxy}`,
  ]) {
    assert.ok(save.includes(resource), resource);
  }
  assert.ok(save.includes(`-n ${TUTORIAL_VALUES.namespace} `));
  assert.ok(save.trimEnd().endsWith(`> ${CONFIG_FILE}`));
});

test("the tutorial's Troubleshooting starts with doctor and every entry links to the page", () => {
  const section = tutorial.source.slice(tutorial.source.lastIndexOf('## Troubleshooting'));
  const [intro, ...entries] = section.split('<details>');
  assert.match(intro ?? '', /\[Diagnose your setup\]\(\.\/aws-sts-diagnose\.mdx\)/);
  const command = fence(tutorial, 'Find the broken link');
  assert.ok(intro?.includes(command));
  assert.equal(
    command.replace('"$MCP_URL"', PROXY_URL),
    onlineCommand({ aws: true, exchange: true, proxyUrl: PROXY_URL })
  );
  assert.ok(entries.length >= 7);
  for (const entry of entries) {
    const summary = /<summary>(.*)<\/summary>/.exec(entry)?.[1];
    assert.match(entry, /\(\.\/aws-sts-diagnose\.mdx\)/, `"${summary}" does not link to the page`);
  }
});
