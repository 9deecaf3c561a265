// The STS exchange walkthrough on the tutorial, as a reader uses it: the in-browser exchange and
// its signed MCP call, provoked STS errors, privacy, the local and real-AWS modes, a11y, mobile.
import { test, expect, type BrowserContext, type Page } from '@playwright/test';
import { createServer } from 'node:net';
import { collectErrors, TUTORIAL } from './lib/site';
import { seriousAxeViolations } from './lib/axe';
import { tabTo } from './lib/keyboard';
import { fakeJwt } from './lib/tokens';

const walkthrough = (page: Page) => page.getByRole('region', { name: 'STS exchange walkthrough' });
const status = (page: Page) => walkthrough(page).getByRole('status');
const steps = (page: Page) => walkthrough(page).getByRole('list', { name: 'Exchange steps' });
const exchangeButton = (page: Page) => page.getByRole('button', { name: 'Exchange token' });
const figure = (page: Page, caption: string) =>
  steps(page).getByRole('figure', { name: caption, exact: true });
/** The code inside a captioned block. */
const code = (page: Page, caption: string) => figure(page, caption).locator('pre');

/**
 * Chrome logs every 4xx answer of a fetch as a console error; STS answers its errors with 400 and
 * 403 by design, so those lines are expected when the test provokes them.
 */
const STATUS_LOG = 'Failed to load resource: the server responded with a status of';

/** Scrolls to the walkthrough (its code loads when it nears the viewport) and waits for it. */
async function openWalkthrough(page: Page): Promise<void> {
  await page.goto(TUTORIAL);
  await page.locator('#sts-exchange-walkthrough').scrollIntoViewIfNeeded();
  await expect(exchangeButton(page)).toBeVisible({ timeout: 20_000 });
}

/** Runs the in-browser exchange and waits until the signed MCP call is shown. */
async function exchangeInBrowser(page: Page): Promise<void> {
  await exchangeButton(page).click();
  await expect(status(page)).toContainText('Step 5 of 5', { timeout: 30_000 });
}

const ALICE = {
  iss: 'http://127.0.0.1:4101',
  sub: 'alice',
  aud: 'toolhive-aws',
  groups: ['s3-readers'],
  iat: Math.floor(Date.now() / 1000),
  exp: Math.floor(Date.now() / 1000) + 3600,
};

/** A loopback port with nothing listening on it. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function serviceWorkerCount(page: Page): Promise<number> {
  return page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length);
}

test('in the browser: token, role, unsigned STS request, masked credentials, SigV4', async ({
  page,
}) => {
  const errors = collectErrors(page);
  const stsRequests: Record<string, string>[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/__sts/') stsRequests.push(request.headers());
  });
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  await openWalkthrough(page);
  // The exchange code (SDK, jose, msw) and the service worker wait for the first click.
  await page.waitForLoadState('networkidle');
  const before = scripts.length;
  expect(await serviceWorkerCount(page)).toBe(0);
  await expect(page.getByRole('radio', { name: /In the browser/ })).toBeChecked();

  await exchangeInBrowser(page);
  expect(scripts.length).toBeGreaterThan(before);
  expect(await serviceWorkerCount(page)).toBe(1);
  const list = steps(page);

  // 1. The token, decoded.
  await expect(figure(page, 'Claims (decoded)')).toContainText('"iss": "https://idp.example.test"');
  await expect(figure(page, 'Header (decoded)')).toContainText('"alg": "RS256"');
  // 2. The role and its trace.
  await expect(list).toContainText('arn:aws:iam::123456789012:role/S3ReadOnlyMCPRole');
  await expect(list).toContainText('roleMappings[0] matched and wins');
  // 3. The STS request: the form, and no Authorization header (shown and on the wire).
  await expect(list).toContainText('No Authorization header');
  const form = list.getByRole('table', { name: /Form body/ });
  await expect(form.getByRole('row', { name: /^Action/ })).toContainText(
    'AssumeRoleWithWebIdentity'
  );
  await expect(form.getByRole('row', { name: /^Version/ })).toContainText('2011-06-15');
  await expect(form.getByRole('row', { name: /^RoleArn/ })).toContainText('S3ReadOnlyMCPRole');
  await expect(form.getByRole('row', { name: /^RoleSessionName/ })).toContainText(
    'alice@example.com'
  );
  await expect(form.getByRole('row', { name: /^WebIdentityToken/ })).toContainText('characters)');
  await expect(form.getByRole('row', { name: /^DurationSeconds/ })).toContainText('900');
  const sdkHeaders = list.getByRole('table', { name: 'Headers set by the AWS SDK' });
  await expect(sdkHeaders.getByRole('rowheader', { name: 'authorization' })).toHaveCount(0);
  expect(stsRequests.length).toBeGreaterThan(0);
  for (const headers of stsRequests) expect(headers.authorization).toBeUndefined();
  // 4. The answer: ASIA… credentials, secrets masked in the table and in the XML.
  const credentials = list.getByRole('table', { name: /Temporary credentials/ });
  await expect(credentials.getByRole('row', { name: /^AccessKeyId/ })).toContainText(
    /ASIA[A-Z0-9]{16}/
  );
  await expect(credentials.getByRole('row', { name: /^SecretAccessKey/ })).toContainText(
    '(hidden, 40 characters)'
  );
  await expect(credentials.getByRole('row', { name: /^SessionToken/ })).toContainText('(hidden,');
  const xml = await code(page, 'Response body (XML)').innerText();
  expect(xml).toMatch(/<SecretAccessKey>.{4}… \(hidden, 40 characters\)<\/SecretAccessKey>/);
  expect(xml).toMatch(/<SessionToken>.{4}… \(hidden, \d+ characters\)<\/SessionToken>/);
  // 5. The MCP call's canonical request, string to sign and Authorization header.
  const canonical = await code(page, 'Canonical request').innerText();
  expect(canonical.startsWith('POST\n/mcp\n')).toBe(true);
  expect(canonical).toContain('host:aws-mcp.us-east-1.api.aws');
  expect(canonical).not.toContain('x-forwarded-for');
  const stringToSign = await code(page, 'String to sign').innerText();
  expect(stringToSign).toMatch(
    /^AWS4-HMAC-SHA256\n\d{8}T\d{6}Z\n\d{8}\/us-east-1\/aws-mcp\/aws4_request\n[0-9a-f]{64}$/
  );
  await expect(figure(page, 'Authorization header')).toContainText(
    /Authorization: AWS4-HMAC-SHA256 Credential=ASIA[A-Z0-9]{16}\/\d{8}\/us-east-1\/aws-mcp\/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}/
  );
  await expect(list).toContainText('Same signature as signForUpstream');
  await expect(list).toContainText('verifySigV4) accepts this signature');
  await expect(list).toContainText('Not sent');
  expect(errors).toEqual([]);
});

test('in the browser: broken trust audience, wrong token audience and expiry, as STS reports them', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await openWalkthrough(page);
  const list = steps(page);

  const trust = page.getByLabel(/Break the trust policy's audience/);
  await trust.check();
  await exchangeButton(page).click();
  await expect(status(page)).toContainText('AccessDenied', { timeout: 30_000 });
  await expect(list).toContainText('Not authorized to perform sts:AssumeRoleWithWebIdentity');
  await expect(list).toContainText('Condition: failed');
  await expect(list).toContainText(
    'StringEquals idp.example.test:aud: request value "toolhive-aws" ≠ "another-audience"'
  );
  await expect(list).toContainText('Fix:');
  await expect(list).not.toContainText('Canonical request');
  await trust.uncheck();

  const audience = page.getByLabel('Token audience');
  await audience.fill('someone-else');
  await exchangeButton(page).click();
  await expect(status(page)).toContainText('InvalidIdentityToken', { timeout: 30_000 });
  await expect(list).toContainText('Incorrect token audience');
  await expect(list).toContainText(`"someone-else"`);
  await audience.fill('toolhive-aws');

  await page.getByLabel(/Token expired/).check();
  await exchangeButton(page).click();
  await expect(status(page)).toContainText('ExpiredTokenException', { timeout: 30_000 });
  await expect(list).toContainText('Token expired: current date/time');
  await expect(list).toContainText('Get a fresh token');
  expect(errors.filter((e) => !e.includes(STATUS_LOG))).toEqual([]);
});

/** Records every request of the context (pages and service workers) while `run` runs. */
async function requestsDuring(context: BrowserContext, run: () => Promise<void>): Promise<URL[]> {
  const urls: URL[] = [];
  const record = (request: { url(): string }) => urls.push(new URL(request.url()));
  context.on('request', record);
  try {
    await run();
  } finally {
    context.off('request', record);
  }
  return urls;
}

test('privacy: pasting a token and exchanging in the browser reaches no host but the page', async ({
  page,
  context,
}) => {
  await openWalkthrough(page);
  const origin = new URL(page.url()).origin;
  const urls = await requestsDuring(context, async () => {
    await page.getByRole('radio', { name: /Real AWS/ }).check();
    await page.getByLabel('Token (JWT)').fill(fakeJwt(ALICE));
    await page.getByRole('radio', { name: /In the browser/ }).check();
    await page.getByLabel('Token claims (JSON)').fill('{"sub": "bob", "groups": []}');
    await exchangeInBrowser(page);
    await expect(steps(page)).toContainText('DefaultMCPRole');
  });
  const web = urls.filter((url) => url.protocol === 'http:' || url.protocol === 'https:');
  expect(web.some((url) => url.pathname === '/__sts/')).toBe(true);
  expect(web.filter((url) => url.origin !== origin).map(String)).toEqual([]);
});

test('local sandbox: with nothing listening, the reader is told to run npm run sandbox', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await openWalkthrough(page);
  await page.getByRole('radio', { name: /Local sandbox/ }).check();
  await page.getByLabel('STS emulator URL').fill(`http://127.0.0.1:${await freePort()}/`);
  await page.getByLabel('Token (JWT)').fill(fakeJwt(ALICE));
  await exchangeButton(page).click();
  await expect(status(page)).toContainText('npm run sandbox', { timeout: 30_000 });
  await expect(steps(page)).toContainText('Start the local sandbox with "npm run sandbox"');
  await expect(steps(page)).toContainText('No Authorization header');
  // The browser itself reports the refused connection; nothing else may appear.
  expect(errors.filter((e) => !e.includes('net::ERR_CONNECTION_REFUSED'))).toEqual([]);
  expect(await serviceWorkerCount(page)).toBe(0);
});

test('real AWS: warns before sending, and offers the AWS CLI when the browser cannot call STS', async ({
  page,
}) => {
  await openWalkthrough(page);
  await page.getByRole('radio', { name: /Real AWS/ }).check();
  await expect(walkthrough(page)).toContainText('This sends your token to AWS STS');
  await page.getByLabel('Token (JWT)').fill(fakeJwt(ALICE));
  await page.getByLabel('Role ARN').fill('arn:aws:iam::123456789012:role/DefaultMCPRole');
  await page.getByLabel('Region').fill('eu-central-1');
  await expect(walkthrough(page)).toContainText('https://sts.eu-central-1.amazonaws.com/');
  // Stand in for a browser that blocks the call: no request reaches AWS from this test.
  const sent: string[] = [];
  await page.route('https://sts.eu-central-1.amazonaws.com/**', async (route) => {
    sent.push(route.request().postData() ?? '');
    await route.abort('failed');
  });
  await exchangeButton(page).click();
  await expect(status(page)).toContainText('NetworkError', { timeout: 30_000 });
  const cli = figure(page, 'The same call with the AWS CLI');
  await expect(cli).toContainText('aws sts assume-role-with-web-identity');
  await expect(cli).toContainText('--role-arn arn:aws:iam::123456789012:role/DefaultMCPRole');
  await expect(cli).toContainText('--role-session-name alice');
  await expect(cli).toContainText('--region eu-central-1');
  expect(sent.length).toBeGreaterThan(0);
  expect(new URLSearchParams(sent[0]).get('Action')).toBe('AssumeRoleWithWebIdentity');
});

test('axe: the expanded walkthrough has no serious or critical violations', async ({ page }) => {
  test.setTimeout(120_000);
  await openWalkthrough(page);
  await exchangeInBrowser(page);
  expect(await seriousAxeViolations(page, ['#sts-exchange-walkthrough'])).toEqual([]);
  await page.getByLabel(/Break the trust policy's audience/).check();
  await exchangeButton(page).click();
  await expect(status(page)).toContainText('AccessDenied', { timeout: 30_000 });
  expect(await seriousAxeViolations(page, ['#sts-exchange-walkthrough'])).toEqual([]);
});

test('keyboard only: the mode radio and the button', async ({ page }) => {
  const errors = collectErrors(page);
  await openWalkthrough(page);
  await page.getByRole('radio', { name: /In the browser/ }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: /Local sandbox/ })).toBeChecked();
  await expect(page.getByLabel('STS emulator URL')).toBeVisible();
  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('radio', { name: /In the browser/ })).toBeChecked();
  await tabTo(page, exchangeButton(page), 12);
  await page.keyboard.press('Enter');
  await expect(status(page)).toContainText('Step 5 of 5', { timeout: 30_000 });
  await expect(exchangeButton(page)).toBeFocused();
  expect(errors).toEqual([]);
});

test.describe('at 390 px', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the walkthrough is usable and the page does not scroll sideways', async ({ page }) => {
    const errors = collectErrors(page);
    await openWalkthrough(page);
    await exchangeInBrowser(page);
    await exchangeButton(page).scrollIntoViewIfNeeded();
    await expect(exchangeButton(page)).toBeInViewport();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth
    );
    expect(overflow).toBeLessThanOrEqual(0);
    const box = await walkthrough(page).boundingBox();
    expect(box?.width ?? 0).toBeLessThanOrEqual(390);
    expect(errors).toEqual([]);
  });
});
