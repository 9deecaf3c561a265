// "Your values" into the generator's form: the values the store publishes by key start the form,
// and a later change replaces only what changed. Run with
// `npm run test:unit -- src/components/PolicyGenerator`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateGeneratorInput } from '@toolhive-aws-sts/sandbox/policy';
import { checkYourValues, EMPTY_VALUES } from '@site/src/components/YourValues/checkValues';
import { newRole, toGeneratorInput, tutorialFormState, type FormState } from './formState';
import { applyReaderValues, initialFormState } from './readerValues';

/** What "Your values" publishes for these entries. */
const published = (values: Partial<typeof EMPTY_VALUES>) =>
  checkYourValues({ ...EMPTY_VALUES, ...values }).snapshot.inUse;

test('without values the form is the tutorial', () => {
  assert.deepEqual(initialFormState({}), tutorialFormState());
});

test("the reader's published values start the form, and the generator accepts them", () => {
  const form = initialFormState(
    published({
      issuer: 'dev-42.okta.com/oauth2/default',
      audience: 'toolhive-test',
      clientId: 'ignored-by-the-generator',
      accountId: '111122223333',
      region: 'eu-west-2',
      defaultRole: 'McpDefault',
      s3Role: 'McpS3Reader',
      s3Group: 'aws-s3-readers',
      namespace: 'mcp',
      domain: 'mcp.acme.test',
    })
  );
  const expected: FormState = {
    ...tutorialFormState(),
    issuer: 'https://dev-42.okta.com/oauth2/default',
    audience: 'toolhive-test',
    accountId: '111122223333',
    region: 'eu-west-2',
    namespace: 'mcp',
    domain: 'mcp.acme.test',
    fallbackName: 'McpDefault',
  };
  expected.roles = expected.roles.map((role) =>
    role.key === 0 ? { ...role, name: 'McpS3Reader', match: 'aws-s3-readers' } : role
  );
  assert.deepEqual(form, expected);
  assert.ok(validateGeneratorInput(toGeneratorInput(form)).ok);
});

test('invalid values in "Your values" never reach the form', () => {
  const form = initialFormState(published({ accountId: '1234', region: 'eu-west-1' }));
  assert.equal(form.accountId, tutorialFormState().accountId);
  assert.equal(form.region, 'eu-west-1');
});

test("a later change replaces only what changed; the form's other edits stay", () => {
  const before = published({ accountId: '111122223333' });
  const edited: FormState = {
    ...initialFormState(before),
    namespace: 'edited-here',
    roles: [...tutorialFormState().roles, { ...newRole(7), name: 'Ops', match: 'ops' }],
  };
  const after = published({ accountId: '111122223333', region: 'eu-west-2', s3Role: 'Readers' });
  const next = applyReaderValues(edited, before, after);
  assert.equal(next.region, 'eu-west-2');
  assert.equal(next.namespace, 'edited-here');
  assert.equal(next.accountId, '111122223333');
  assert.deepEqual(
    next.roles.map((role) => role.name),
    ['Readers', 'Ops']
  );
});

test('a value removed in "Your values" brings back the tutorial\'s', () => {
  const before = published({ region: 'eu-west-2', defaultRole: 'McpDefault' });
  const form = initialFormState(before);
  const next = applyReaderValues(form, before, {});
  assert.equal(next.region, tutorialFormState().region);
  assert.equal(next.fallbackName, tutorialFormState().fallbackName);
});

test('the S3 group follows only while the tutorial role matches by claim', () => {
  const byMatcher: FormState = {
    ...tutorialFormState(),
    roles: tutorialFormState().roles.map((role) => ({
      ...role,
      matchBy: 'matcher',
      match: '"admins" in claims["groups"]',
    })),
  };
  const next = applyReaderValues(byMatcher, {}, published({ s3Group: 'aws-s3-readers' }));
  assert.equal(next.roles[0]?.match, '"admins" in claims["groups"]');
});
