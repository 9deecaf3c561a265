// Every AWS call that the pages and the generated scripts make is one the local emulators answer:
// each `aws iam …` / `aws sts …` command in the tutorial, the sandbox page and the generator's
// setup.sh and cleanup.sh names an action of the IAM or STS emulator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readDocPage, docsRoot } from './lib/mdx';
import { IAM_ACTIONS } from '../../sandbox/src/emulators/iam';
import { STS_ACTIONS } from '../../sandbox/src/emulators/sts-core';
import { generateArtifacts, TUTORIAL_VALUES } from '../../sandbox/src/policy';

const PAGES = [
  'toolhive/tutorials/aws-sts-integration.mdx',
  'toolhive/tutorials/aws-sts-sandbox.mdx',
];

/** `aws iam create-open-id-connect-provider` → ['iam', 'createopenidconnectprovider']. */
function calls(text: string): [string, string][] {
  return [...text.matchAll(/\baws (iam|sts) ([a-z][a-z-]+)/g)].map(([, service, operation]) => [
    service ?? '',
    (operation ?? '').replaceAll('-', ''),
  ]);
}

const answered: Record<string, Set<string>> = {
  iam: new Set(Object.keys(IAM_ACTIONS).map((action) => action.toLowerCase())),
  sts: new Set(STS_ACTIONS.map((action) => action.toLowerCase())),
};

const generated = generateArtifacts(TUTORIAL_VALUES);
assert.ok(generated.ok);
// Sessions over an hour add update-role --max-session-duration to setup.sh.
const longSessions = generateArtifacts({ ...TUTORIAL_VALUES, sessionDuration: 7200 });
assert.ok(longSessions.ok);
const sources: [string, string][] = [
  ...PAGES.map((page): [string, string] => [
    page,
    readDocPage(`${docsRoot}/${page}`)
      .fences.map((fence) => fence.value)
      .join('\n'),
  ]),
  ['aws/setup.sh', generated.files['aws/setup.sh'] ?? ''],
  ['aws/cleanup.sh', generated.files['aws/cleanup.sh'] ?? ''],
  ['aws/setup.sh with 2-hour sessions', longSessions.files['aws/setup.sh'] ?? ''],
];

for (const [name, text] of sources) {
  test(`the emulators answer every AWS call in ${name}`, () => {
    const found = calls(text);
    assert.ok(found.length > 0, `${name} makes no aws iam/sts call`);
    const missing = found.filter(([service, operation]) => !answered[service]?.has(operation));
    assert.deepEqual(missing, []);
  });
}
