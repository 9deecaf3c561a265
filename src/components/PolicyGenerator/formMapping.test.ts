// The generator form's glue, table-driven: form → generator input, issue paths → controls, files →
// tabs. Run with `npm run test:unit -- src/components/PolicyGenerator`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  generateArtifacts,
  parseFieldPath,
  TUTORIAL_VALUES,
  validateGeneratorInput,
} from '@toolhive-aws-sts/sandbox/policy';
import { artifactTabs, downloadName } from './artifactTabs';
import { newRole, toGeneratorInput, tutorialFormState } from './formState';
import { fieldForIssue, placeIssues } from './issues';

test('the tutorial form state is the tutorial values (partition derived, no subjects)', () => {
  const { partition: _partition, restrictSubjects: _subjects, ...expected } = TUTORIAL_VALUES;
  assert.deepEqual(toGeneratorInput(tutorialFormState()), expected);
});

test('typed text reaches the generator so that its messages name it', () => {
  const form = {
    ...tutorialFormState(),
    sessionDuration: 'soon',
    roles: [{ ...newRole(5), name: 'Ops', priority: '-1' }],
  };
  const input = toGeneratorInput(form);
  assert.equal(input.sessionDuration, 'soon');
  assert.deepEqual(input.roles, [
    { name: 'Ops', permissions: 'default', claim: '', priority: '-1' },
  ]);
  const checked = validateGeneratorInput(input);
  assert.equal(checked.ok, false);
  const fields = placeIssues(checked.ok ? [] : checked.issues).all.map((issue) => issue.field);
  assert.deepEqual(fields.sort(), ['roles[0].match', 'roles[0].priority', 'sessionDuration']);
});

const cases: [path: string, field: string | undefined][] = [
  ['issuer', 'issuer'],
  ['accountId', 'accountId'],
  ['partition', 'region'],
  ['restrictSubjects[2]', 'restrictSubjects'],
  ['fallbackRole', 'fallbackRole.name'],
  ['fallbackRole.name', 'fallbackRole.name'],
  ['fallbackRole.permissions', 'fallbackRole.permissions'],
  ['roles[3]', 'roles[3].match'],
  ['roles[3].claim', 'roles[3].match'],
  ['roles[3].matcher', 'roles[3].match'],
  ['roles[3].priority', 'roles[3].priority'],
  ['roles[0].permissions.actions[1]', 'roles[0].permissions'],
  ['roles[0].restrictSubjects', undefined],
  ['roles', undefined],
  ['', undefined],
];
for (const [path, field] of cases) {
  test(`issue at "${path}" belongs to ${field ?? 'no single control'}`, () => {
    assert.equal(fieldForIssue(parseFieldPath(path)), field);
  });
}

test('every generated file is in exactly one tab', () => {
  const result = generateArtifacts({
    ...TUTORIAL_VALUES,
    roles: [
      ...(TUTORIAL_VALUES.roles ?? []),
      { name: 'Ops', claim: 'ops', permissions: 'default' },
    ],
  });
  assert.ok(result.ok);
  const tabs = artifactTabs(result.files);
  assert.deepEqual(tabs.flatMap((tab) => tab.paths).sort(), Object.keys(result.files).sort());
  assert.equal(
    tabs.find((tab) => tab.id === 'other'),
    undefined
  );
  assert.deepEqual(tabs[0]?.paths, [
    'aws/trust-policy-DefaultMCPRole.json',
    'aws/trust-policy-S3ReadOnlyMCPRole.json',
    'aws/trust-policy-Ops.json',
  ]);
  assert.equal(downloadName('k8s/gateway.yaml'), 'gateway.yaml');
});
