// The walkthrough's engine against the STS emulator core behind msw (setupServer; the page uses
// the same handlers in its service worker): every step in order on success, STS's refusals with a
// fix, and the problems that stop a run before STS. The in-browser mode itself needs a service
// worker and is covered by tests/e2e/sts-walkthrough.spec.ts. Run with
// `npm run test:unit -- src/components/StsExchangeWalkthrough`.
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { stsHandlers } from '@toolhive-aws-sts/sandbox/emulators/sts-core';
import { TUTORIAL_VALUES } from '@toolhive-aws-sts/sandbox/policy';
import { DEFAULT_LOCAL_STS_URL, OTHER_AUDIENCE } from './constants';
import { inPageIssuer, type InPageIssuer } from './inPageIssuer';
import { runExchange } from './runExchange';
import { tutorialAccount } from './tutorialAccount';
import type { ExchangeInputs, ExchangeProgress, WalkthroughStep } from './types';

const AUDIENCE = TUTORIAL_VALUES.audience;
const ROLE = `arn:aws:iam::${TUTORIAL_VALUES.accountId}:role/`;
const REGIONAL_STS = 'https://sts.eu-west-1.amazonaws.com/';

const server = setupServer();
let issuer: InPageIssuer;

before(async () => {
  issuer = await inPageIssuer();
  server.listen({ onUnhandledRequest: 'error' });
});
afterEach(() => server.resetHandlers());
after(() => server.close());

/** STS at `url` answering for the tutorial's account, trusting `trustAudience` if given. */
function emulateSts(url: string, trustAudience?: string): void {
  const { state } = tutorialAccount(issuer.issuer, trustAudience);
  server.use(...stsHandlers({ state, resolveJwks: () => issuer.jwks, url }));
}

const sign = (claims: Record<string, unknown>, expired = false) =>
  issuer.sign(claims, { audience: AUDIENCE, expired });

const alice = { sub: 'alice@example.com', groups: ['s3-readers'] };

/** Runs the exchange and returns every report it made. */
async function run(inputs: ExchangeInputs): Promise<ExchangeProgress[]> {
  const reports: ExchangeProgress[] = [];
  await runExchange(inputs, (progress) => reports.push(progress));
  return reports;
}

function last(reports: ExchangeProgress[]): ExchangeProgress {
  const report = reports.at(-1);
  assert.ok(report, 'no progress reported');
  assert.equal(report.done, true);
  return report;
}

function stepOf<Id extends WalkthroughStep['id']>(
  report: ExchangeProgress,
  id: Id
): Extract<WalkthroughStep, { id: Id }> {
  const step = report.steps.find((s) => s.id === id);
  assert.ok(step, `no ${id} step in ${report.steps.map((s) => s.id).join(', ')}`);
  return step as Extract<WalkthroughStep, { id: Id }>;
}

const local = (token: string): ExchangeInputs => ({
  mode: 'local',
  token,
  stsEndpoint: DEFAULT_LOCAL_STS_URL,
});

test('local sandbox: token, role, STS request and answer, and the signed MCP call', async () => {
  emulateSts(DEFAULT_LOCAL_STS_URL);
  const token = await sign(alice);
  const reports = await run(local(`  ${token}\n`));
  const report = last(reports);
  assert.deepEqual(
    report.steps.map((step) => step.id),
    ['token', 'role', 'stsRequest', 'stsResponse', 'signing']
  );
  assert.deepEqual(
    reports.map((r) => r.announcement.slice(0, 14)),
    ['Step 1 of 5: t', 'Step 2 of 5: r', 'Step 3 of 5: S', 'Step 4 of 5: S', 'Step 5 of 5: t']
  );

  const tokenStep = stepOf(report, 'token');
  assert.equal(tokenStep.claims.sub, 'alice@example.com');
  assert.equal(tokenStep.header.alg, 'RS256');
  assert.match(tokenStep.expiry, /\(in (59|60) minutes\)$/);
  assert.ok(!tokenStep.shortToken.includes(token));

  const role = stepOf(report, 'role');
  assert.equal(role.roleArn, `${ROLE}S3ReadOnlyMCPRole`);
  assert.equal(role.sessionName, 'alice@example.com');
  assert.equal(role.durationSeconds, TUTORIAL_VALUES.sessionDuration);
  assert.match(role.summary, /^roleMappings\[0\] matched and wins/);

  const request = stepOf(report, 'stsRequest');
  assert.equal(request.url, DEFAULT_LOCAL_STS_URL);
  assert.equal(request.hasAuthorization, false);
  const form = Object.fromEntries(request.form);
  assert.equal(form.Action, 'AssumeRoleWithWebIdentity');
  assert.equal(form.RoleArn, `${ROLE}S3ReadOnlyMCPRole`);
  assert.notEqual(form.WebIdentityToken, token);

  const answer = stepOf(report, 'stsResponse');
  assert.equal(answer.status, 200);
  assert.ok(answer.outcome.ok);
  const { credentials } = answer.outcome;
  assert.match(credentials.accessKeyId, /^ASIA/);
  assert.match(credentials.secretAccessKey, /^.{4}… \(hidden, 40 characters\)$/);
  assert.match(answer.xml ?? '', /<SecretAccessKey>.{4}… \(hidden, 40 characters\)</);
  assert.equal(answer.explain, undefined);
  assert.equal(answer.cliCommand, undefined);

  const signing = stepOf(report, 'signing');
  assert.equal(signing.url, 'https://aws-mcp.us-east-1.api.aws/mcp');
  assert.ok(
    signing.authorization.startsWith(`AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/`)
  );
  assert.ok(signing.dropped.includes('authorization'));
  assert.ok(signing.dropped.includes('x-forwarded-for'));
  assert.equal(signing.verified, undefined);
  assert.ok(!JSON.stringify(report).includes(token), 'the whole token is never shown');
});

test('claims in no mapped group get the fallback role', async () => {
  emulateSts(DEFAULT_LOCAL_STS_URL);
  const report = last(await run(local(await sign({ sub: 'bob', groups: ['developers'] }))));
  assert.equal(stepOf(report, 'role').roleArn, `${ROLE}DefaultMCPRole`);
  assert.ok(stepOf(report, 'stsResponse').outcome.ok);
});

const refusals: [
  name: string,
  trust: string | undefined,
  expired: boolean,
  code: string,
  status: number,
][] = [
  ['roles that trust another audience', OTHER_AUDIENCE, false, 'AccessDenied', 403],
  ['an expired token', undefined, true, 'ExpiredTokenException', 400],
];
for (const [name, trust, expired, code, status] of refusals) {
  test(`STS refuses ${name}: ${code}, with a fix, and nothing is signed`, async () => {
    emulateSts(DEFAULT_LOCAL_STS_URL, trust);
    const report = last(await run(local(await sign(alice, expired))));
    const answer = stepOf(report, 'stsResponse');
    assert.ok(!answer.outcome.ok);
    assert.equal(answer.outcome.code, code);
    assert.ok(answer.outcome.fix.length > 0);
    assert.equal(answer.status, status);
    assert.match(report.announcement, new RegExp(`^Step 4 of 5: STS refused with ${code}: `));
    assert.equal(
      report.steps.find((step) => step.id === 'signing'),
      undefined
    );
  });
}

test('real AWS: the entered role and region, and the AWS CLI equivalent', async () => {
  emulateSts(REGIONAL_STS);
  const report = last(
    await run({
      mode: 'aws',
      token: await sign(alice),
      roleArn: ` ${ROLE}DefaultMCPRole `,
      region: 'eu-west-1',
    })
  );
  const role = stepOf(report, 'role');
  assert.equal(role.roleArn, `${ROLE}DefaultMCPRole`);
  assert.deepEqual(role.trace, []);
  assert.equal(stepOf(report, 'stsRequest').url, REGIONAL_STS);
  const answer = stepOf(report, 'stsResponse');
  assert.ok(answer.outcome.ok);
  assert.match(answer.cliCommand ?? '', /--role-arn arn:aws:iam::\d{12}:role\/DefaultMCPRole/);
  assert.match(answer.cliCommand ?? '', /--region eu-west-1$/);
  assert.equal(stepOf(report, 'signing').url, 'https://aws-mcp.eu-west-1.api.aws/mcp');
});

test('no answer from STS: the fix says what to try instead', async () => {
  server.use(http.post(REGIONAL_STS, () => HttpResponse.error()));
  const report = last(
    await run({
      mode: 'aws',
      token: await sign(alice),
      roleArn: `${ROLE}DefaultMCPRole`,
      region: 'eu-west-1',
    })
  );
  const answer = stepOf(report, 'stsResponse');
  assert.equal(answer.status, undefined);
  assert.ok(!answer.outcome.ok);
  assert.match(answer.outcome.fix, /Run the AWS CLI command below instead/);
  assert.match(report.announcement, /^Step 4 of 5: no answer from STS/);
});

const stops: [name: string, token: () => Promise<string>, title: string][] = [
  ['an empty token', async () => '  ', 'No token'],
  ['text that is not a JWT', async () => 'not-a-jwt', 'The token is not a JWT'],
  [
    'a token without the session name claim',
    () => sign({ groups: ['s3-readers'] }),
    'ToolHive would refuse the token (401)',
  ],
];
for (const [name, token, title] of stops) {
  test(`${name} stops the run before STS: "${title}"`, async () => {
    const report = last(await run(local(await token())));
    const problem = stepOf(report, 'problem');
    assert.equal(problem.title, title);
    assert.ok(problem.message.length > 0);
    assert.equal(report.announcement, `${title}: ${problem.message}`);
    assert.equal(
      report.steps.find((step) => step.id === 'stsRequest'),
      undefined
    );
  });
}
