// "Your values" checked by the generator's own validation: each problem lands on the field at its
// path (or the field a duplicate name involves), invalid values fall back to the tutorial's, and
// the valid ones become substitutions and keyed values. Run with
// `npm run test:unit -- src/components/YourValues`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkYourValues, EMPTY_VALUES, type RawValues } from './checkValues';

const check = (values: Partial<RawValues>) => checkYourValues({ ...EMPTY_VALUES, ...values });

test('nothing entered: every field empty, nothing substituted', () => {
  const result = check({});
  assert.ok(Object.values(result.fields).every((field) => field.status === 'empty'));
  assert.deepEqual(result.general, []);
  assert.deepEqual(result.snapshot, { inUse: {}, substitutions: [], entered: 0, invalid: 0 });
});

test('valid values replace their placeholders and defaults; the issuer loses its https://', () => {
  const result = check({
    issuer: 'https://dev-42.okta.com/oauth2/default',
    accountId: ' 111122223333 ',
    region: 'eu-west-2',
    s3Group: 'aws-s3-readers',
    clientId: 'my-client',
  });
  assert.deepEqual(result.snapshot.substitutions, [
    ['<ISSUER>', 'dev-42.okta.com/oauth2/default'],
    ['<CLIENT_ID>', 'my-client'],
    ['<ACCOUNT_ID>', '111122223333'],
    ['us-east-1', 'eu-west-2'],
    ['s3-readers', 'aws-s3-readers'],
  ]);
  assert.deepEqual(result.snapshot.inUse, {
    issuer: 'https://dev-42.okta.com/oauth2/default',
    clientId: 'my-client',
    accountId: '111122223333',
    region: 'eu-west-2',
    s3Group: 'aws-s3-readers',
  });
  assert.equal(
    result.fields.issuer.note,
    'Provider URL https://dev-42.okta.com/oauth2/default; IAM names it dev-42.okta.com/oauth2/default'
  );
  assert.equal(result.snapshot.entered, 5);
  assert.equal(result.snapshot.invalid, 0);
});

test("a value equal to the tutorial's is valid but changes nothing", () => {
  const result = check({ region: 'us-east-1', defaultRole: 'DefaultMCPRole' });
  assert.equal(result.fields.region.status, 'valid');
  assert.deepEqual(result.snapshot.substitutions, []);
  assert.deepEqual(result.snapshot.inUse, {});
  assert.equal(result.snapshot.entered, 2);
});

/** Field → what it holds → the start of the generator's message shown under it. */
const invalid: [field: keyof RawValues, value: string, message: RegExp][] = [
  ['issuer', 'http://dev-42.okta.com', /uses http:\/\/, but IAM accepts only https:\/\//],
  ['audience', 'a'.repeat(256), /^audience is 256 characters; IAM allows at most 255$/],
  ['accountId', '1234', /^accountId must be exactly 12 digits, got "1234"/],
  ['region', 'Europe', /^region "Europe" is not an AWS region code/],
  ['defaultRole', 'Default Role', /^Default role name "Default Role" is not a valid IAM role name/],
  ['s3Role', 'S3 Readers', /^S3 read-only role name "S3 Readers" is not a valid IAM role name/],
  ['namespace', 'Tool_Hive', /^namespace "Tool_Hive" is not a Kubernetes namespace name/],
  [
    'domain',
    'https://mcp.example.com',
    /^domain "https:\/\/mcp\.example\.com" must be a host name/,
  ],
  ['clientId', 'my client', /^a client ID has no white space$/],
];
for (const [field, value, message] of invalid) {
  test(`an invalid ${field} is marked, explained and not used; the rest still is`, () => {
    const result = check({
      [field]: value,
      accountId: field === 'accountId' ? value : '111122223333',
    });
    assert.equal(result.fields[field].status, 'invalid');
    assert.match(result.fields[field].message ?? '', message);
    assert.equal(result.snapshot.invalid, 1);
    assert.equal(result.snapshot.inUse[field], undefined);
    const substituted = result.snapshot.substitutions.map(([, to]) => to);
    assert.ok(!substituted.includes(value.trim()));
    if (field !== 'accountId') assert.ok(substituted.includes('111122223333'));
    assert.deepEqual(result.general, []);
  });
}

test("a default role named like the tutorial's S3 role is the one refused", () => {
  // The generator reports the duplicate on the second role; it involves the first one's name.
  const result = check({ defaultRole: 'S3ReadOnlyMCPRole' });
  assert.equal(result.fields.defaultRole.status, 'invalid');
  assert.equal(
    result.fields.defaultRole.message,
    'S3 read-only role name "S3ReadOnlyMCPRole" is already used by Default role name: IAM role names are unique regardless of case; give each role its own name'
  );
  assert.equal(result.fields.s3Role.status, 'empty');
});

test('two entered role names alike: the later role is refused, the first kept', () => {
  const result = check({ defaultRole: 'McpRole', s3Role: 'mcprole' });
  assert.equal(result.fields.defaultRole.status, 'valid');
  assert.equal(result.fields.s3Role.status, 'invalid');
  assert.deepEqual(result.snapshot.inUse, { defaultRole: 'McpRole' });
});

test('a refused value falls back to the tutorial, which can uncover the next problem', () => {
  // The S3 role's name is invalid, so the tutorial's S3ReadOnlyMCPRole comes back and the default
  // role entered with that very name is then a duplicate.
  const result = check({ defaultRole: 'S3ReadOnlyMCPRole', s3Role: 'S3 Readers' });
  assert.equal(result.fields.s3Role.status, 'invalid');
  assert.equal(result.fields.defaultRole.status, 'invalid');
  assert.equal(result.snapshot.invalid, 2);
  assert.deepEqual(result.snapshot.substitutions, []);
});

test('a region of another partition rewrites the ARNs, with the reason', () => {
  const result = check({ region: 'cn-north-1' });
  assert.deepEqual(result.snapshot.substitutions, [
    ['us-east-1', 'cn-north-1'],
    ['arn:aws:', 'arn:aws-cn:'],
  ]);
  assert.match(
    result.fields.region.note ?? '',
    /^ARNs in the code use arn:aws-cn: \(partition: aws-cn, the partition of region cn-north-1\)\. Note: region cn-north-1 is not one of the 8 Regions/
  );
});

test('a Region where AWS does not list the AWS MCP Server is used, with a note', () => {
  const result = check({ region: 'ca-central-1' });
  assert.equal(result.fields.region.status, 'valid');
  assert.match(result.fields.region.note ?? '', /^Note: region ca-central-1 is not one of the 8/);
  assert.deepEqual(result.snapshot.inUse, { region: 'ca-central-1' });
});
