// The "Diagnose your setup" page: a sound paste passes every offline link, each broken example
// fails at its link with its fix, the doctor command carries the reader's values and never the
// token, nothing pasted leaves the page, and the form works by keyboard, with axe and on a phone.
import { test, expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { seriousAxeViolations } from './lib/axe';
import { tabTo } from './lib/keyboard';
import { collectErrors, DIAGNOSE } from './lib/site';
import { fakeJwt } from './lib/tokens';

/** Opens the page and waits for the form (its code loads on demand). */
async function openDiagnose(page: Page): Promise<void> {
  await page.goto(DIAGNOSE);
  await page.locator('#diagnose-setup').scrollIntoViewIfNeeded();
  await expect(page.getByLabel('Access token')).toBeVisible({ timeout: 20_000 });
}

const verdict = (page: Page) => page.locator('#diagnose-setup').getByRole('status');

/** The report's line for one link. */
function line(page: Page, link: string): Locator {
  return page
    .locator('ol[aria-label="Links, in the order a request crosses them"] > li')
    .filter({ has: page.locator('code', { hasText: new RegExp(`^${link}$`) }) });
}

async function loadExample(page: Page, label: string): Promise<void> {
  await page.getByLabel('Example setup', { exact: true }).selectOption({ label });
  await page.getByRole('button', { name: 'Load example' }).click();
}

/** The doctor command the form builds (the text of its code block, without the title). */
const command = (page: Page) => page.locator('#diagnose-setup .theme-code-block pre');

// A sound setup of a reader's own (not the tutorial's values): Keycloak-like issuer, another
// account, Region and audience. Its distinctive strings double as leak markers.
const ISSUER = 'https://login.acme.example/realms/acme';
const PROVIDER = 'arn:aws:iam::210987654321:oidc-provider/login.acme.example/realms/acme';
const CONFIG = `apiVersion: toolhive.stacklok.dev/v1beta1
kind: MCPOIDCConfig
metadata: { name: aws-mcp-oidc, namespace: toolhive-system }
spec:
  type: inline
  inline: { issuer: '${ISSUER}' }
---
apiVersion: toolhive.stacklok.dev/v1beta1
kind: MCPExternalAuthConfig
metadata: { name: aws-mcp-sts-auth, namespace: toolhive-system }
spec:
  type: awsSts
  awsSts:
    region: eu-west-1
    fallbackRoleArn: arn:aws:iam::210987654321:role/DefaultMCPRole
    roleMappings:
      - claim: mcp-s3
        roleArn: arn:aws:iam::210987654321:role/AcmeS3ReadRole
        priority: 10
    sessionDuration: 900
---
apiVersion: toolhive.stacklok.dev/v1beta1
kind: MCPRemoteProxy
metadata: { name: aws-mcp-proxy, namespace: toolhive-system }
spec:
  remoteUrl: https://aws-mcp.eu-west-1.api.aws/mcp
  oidcConfigRef:
    name: aws-mcp-oidc
    audience: acme-mcp
    resourceUrl: https://mcp.acme.example/mcp
  externalAuthConfigRef: { name: aws-mcp-sts-auth }
`;
const GET_ROLE = JSON.stringify({
  Role: {
    RoleName: 'AcmeS3ReadRole',
    Arn: 'arn:aws:iam::210987654321:role/AcmeS3ReadRole',
    MaxSessionDuration: 3600,
    AssumeRolePolicyDocument: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: PROVIDER },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: { StringEquals: { 'login.acme.example/realms/acme:aud': 'acme-mcp' } },
        },
      ],
    },
  },
});
const PERMISSIONS = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: 's3:ListAllMyBuckets',
      Resource: '*',
      Condition: { StringEquals: { 'aws:CalledViaAWSMCP': 'aws-mcp.amazonaws.com' } },
    },
    {
      Effect: 'Deny',
      Action: '*',
      Resource: '*',
      Condition: { BoolIfExists: { 'aws:ViaAWSMCPService': 'false' } },
    },
  ],
});
function acmeToken(): string {
  const now = Math.floor(Date.now() / 1000);
  return fakeJwt({
    iss: ISSUER,
    aud: 'acme-mcp',
    sub: '7c1e5a02-9d4b-4f0e-8a61-3b2f9c0d1e44',
    groups: ['mcp-s3'],
    iat: now - 60,
    exp: now + 600,
  });
}

async function pasteSoundSetup(page: Page, token: string): Promise<void> {
  await page.getByLabel('Access token').fill(token);
  await page.getByLabel('Configuration', { exact: true }).fill(CONFIG);
  await page.getByLabel('Trust policy (optional)').fill(GET_ROLE);
  await page.getByLabel('Permission policy 1 (optional)').fill(PERMISSIONS);
}

const OFFLINE = ['config', 'token', 'role-mapping', 'session-name', 'role', 'trust-policy'];
const ONLINE = ['proxy', 'discovery', 'jwks', 'provider', 'sts'];

test('a sound paste passes every offline link; the online ones say why they were not checked', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await openDiagnose(page);
  await expect(verdict(page)).toContainText('Paste a token and a configuration');
  await pasteSoundSetup(page, acmeToken());
  await expect(verdict(page)).toHaveText('No broken link found (5 not checked).');
  for (const link of [...OFFLINE, 'permissions']) {
    await expect(line(page, link).getByRole('img', { name: 'passed' }), link).toBeVisible();
  }
  for (const link of ONLINE) {
    await expect(line(page, link).getByRole('img', { name: 'not checked' }), link).toBeVisible();
    await expect(line(page, link)).toContainText(/not (checked|called)/);
  }
  await expect(line(page, 'role-mapping')).toContainText('AcmeS3ReadRole');
  await expect(line(page, 'token')).toContainText(/token [0-9a-f]{8}: sub "7c1e5a02/);
  // The doctor command: the reader's proxy URL, the token only as $TOKEN.
  await expect(command(page)).toContainText(
    `printf '%s' "$TOKEN" | npm run cli -- doctor --config aws-sts-setup.yaml --token - --aws --proxy https://mcp.acme.example/mcp`
  );
  expect(errors).toEqual([]);
});

const BROKEN: { label: string; link: string; fix: string | RegExp }[] = [
  { label: 'An expired token', link: 'token', fix: 'get a fresh token' },
  { label: 'A token from the future', link: 'token', fix: 'synchronise' },
  {
    label: 'A token for another audience',
    link: 'token',
    fix: 'set spec.oidcConfigRef.audience in the MCPRemoteProxy',
  },
  {
    label: 'Auth0 issuer without its trailing slash',
    link: 'token',
    fix: 'set spec.inline.issuer: https://my-tenant.us.auth0.com/ in the MCPOIDCConfig',
  },
  { label: 'A CEL matcher with = instead of ==', link: 'config', fix: 'roleMappings[0].matcher' },
  {
    label: 'A group name in another case',
    link: 'role-mapping',
    fix: 'set roleMappings[0].claim to "S3-Readers"',
  },
  {
    label: 'Auth0 sub as the session name',
    link: 'session-name',
    fix: 'set sessionNameClaim: https://example.com/email',
  },
  {
    label: 'sessionDuration above the role’s maximum',
    link: 'role',
    fix: '--max-session-duration 7200',
  },
  {
    label: 'Trust policy without the issuer’s path',
    link: 'trust-policy',
    fix: 'set Principal.Federated to "arn:aws:iam::123456789012:oidc-provider/dev-123456.okta.com/oauth2/default"',
  },
  {
    label: 'Trust policy that lists other users',
    link: 'trust-policy',
    fix: 'add "dave@example.com" to StringEquals',
  },
  {
    label: 'Permissions without the AWS MCP keys',
    link: 'permissions',
    fix: 'add the guardrail statement',
  },
  {
    label: 'Only the retired aws-mcp:* actions',
    link: 'permissions',
    fix: 'allow the service actions the tools call instead',
  },
];

test('each broken example shows ✗ at its link, with its fix', async ({ page }) => {
  const errors = collectErrors(page);
  await openDiagnose(page);
  await loadExample(page, "The tutorial's setup, alice's token");
  await expect(verdict(page)).toHaveText('No broken link found (5 not checked).');
  for (const example of BROKEN) {
    await loadExample(page, example.label);
    const broken = line(page, example.link);
    await expect(broken.getByRole('img', { name: 'broken' }), example.label).toBeVisible();
    await expect(broken.locator('p'), example.label).toContainText(/^Fix: /);
    await expect(broken, example.label).toContainText(example.fix);
    await expect(verdict(page), example.label).toContainText(`Broken: ${example.link}`);
    await expect(page.getByText(`${example.label}:`, { exact: true })).toBeVisible();
  }
  expect(errors).toEqual([]);
});

test('editing a field reruns the checks, and loading an example keeps what you pasted', async ({
  page,
}) => {
  await openDiagnose(page);
  const token = acmeToken();
  await pasteSoundSetup(page, token);
  await expect(verdict(page)).toHaveText('No broken link found (5 not checked).');
  const config = page.getByLabel('Configuration', { exact: true });
  await config.fill(CONFIG.replace('claim: mcp-s3', 'claim: MCP-S3'));
  await expect(verdict(page)).toContainText('Broken: role-mapping');
  await expect(line(page, 'role-mapping')).toContainText('differs only in letter case');

  await loadExample(page, 'An expired token');
  await expect(page.getByLabel('Access token')).not.toHaveValue(token);
  await config.fill((await config.inputValue()).replace('region: us-east-1', 'region: Virginia'));
  await expect(page.getByText('An expired token (edited):')).toBeVisible();
  await expect(verdict(page)).toContainText('Broken: config, token');

  await page.getByRole('button', { name: 'Restore what you pasted' }).click();
  await expect(page.getByLabel('Access token')).toHaveValue(token);
  await expect(config).toHaveValue(CONFIG.replace('claim: mcp-s3', 'claim: MCP-S3'));
  await expect(verdict(page)).toContainText('Broken: role-mapping');

  await page.getByRole('button', { name: 'Clear all fields' }).click();
  await expect(verdict(page)).toContainText('Paste a token and a configuration');
});

test('details, the report as text, and the command builder', async ({ page }) => {
  await openDiagnose(page);
  await loadExample(page, 'Trust policy that lists other users');
  const trust = line(page, 'trust-policy');
  await expect(trust).toContainText('STS asks: Federated');
  await expect(line(page, 'role-mapping')).not.toContainText('matched and wins');
  await page.getByLabel(/Show every detail/).check();
  await expect(line(page, 'role-mapping')).toContainText('matched and wins');

  await page.locator('summary', { hasText: 'The report as text' }).click();
  const text = page.getByLabel('The report as text');
  await expect(text).toContainText('✗ trust-policy  the trust policy of S3ReadOnlyMCPRole');
  await expect(text).toContainText('– sts           not called');
  await expect(text).toContainText('Broken: trust-policy. Fix the first one and run doctor again.');

  const doctor = command(page);
  await expect(doctor).toContainText('--aws --proxy https://mcp.example.com/mcp');
  await page.getByLabel(/--exchange/).check();
  await page.getByLabel(/--aws/).uncheck();
  await expect(doctor).toContainText(`--token - --exchange --proxy https://mcp.example.com/mcp`);
  const proxy = page.getByLabel(/Proxy URL/);
  await proxy.fill('mcp.example.com/mcp');
  await expect(proxy).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(/Not an http\(s\) URL/)).toBeVisible();
  await expect(doctor).not.toContainText('--proxy');
  await proxy.fill('');
  await expect(doctor).toHaveText(
    `printf '%s' "$TOKEN" | npm run cli -- doctor --config aws-sts-setup.yaml --token - --exchange`
  );
});

test('the form loads on demand, without the AWS SDK or msw', async ({ page }, info) => {
  const scripts: string[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') {
      scripts.push(new URL(response.url()).pathname);
    }
  });
  await page.goto(DIAGNOSE);
  await page.waitForLoadState('networkidle');
  await expect(page.getByText('Loading the setup diagnosis')).toBeAttached();
  await expect(page.getByLabel('Access token')).toHaveCount(0);
  const initial = new Set(scripts);
  await openDiagnose(page);
  const onDemand = scripts.filter((src) => !initial.has(src));
  expect(onDemand.length).toBeGreaterThan(0);
  // The doctor needs neither the STS client nor the emulators' msw handlers (and msw's cookie
  // store): the markers are the SDK's service name and msw's log prefix.
  const heavy = scripts.filter((src) =>
    /AWSSecurityTokenServiceV20110615|\[MSW\]/.test(readFileSync(join('build', src), 'utf8'))
  );
  expect(heavy).toEqual([]);
  const gzipKb = (list: string[]) =>
    Math.round(
      list.reduce((sum, src) => sum + gzipSync(readFileSync(join('build', src))).length, 0) / 102.4
    ) / 10;
  const sizes = { onDemand: onDemand.length, gzipKb: gzipKb(onDemand) };
  info.annotations.push({ type: 'js-on-demand', description: JSON.stringify(sizes) });
  console.log(`diagnose on-demand JS (gzip): ${JSON.stringify(sizes)}`);
});

/** Records every request of the context (pages and service workers) while `run` runs. */
async function requestsDuring(
  context: BrowserContext,
  run: () => Promise<void>
): Promise<{ url: string; method: string; body: string }[]> {
  const seen: { url: string; method: string; body: string }[] = [];
  const record = (request: { url(): string; method(): string; postData(): string | null }) =>
    seen.push({ url: request.url(), method: request.method(), body: request.postData() ?? '' });
  context.on('request', record);
  try {
    await run();
  } finally {
    context.off('request', record);
  }
  return seen;
}

test('privacy: nothing pasted leaves the page or is stored', async ({ page, context }) => {
  await openDiagnose(page);
  const origin = new URL(page.url()).origin;
  const token = acmeToken();
  const requests = await requestsDuring(context, async () => {
    await pasteSoundSetup(page, token);
    await expect(verdict(page)).toHaveText('No broken link found (5 not checked).');
    await page.getByLabel(/Show every detail/).check();
    await page.locator('summary', { hasText: 'The report as text' }).click();
    await page.getByLabel(/--exchange/).check();
    await page.getByLabel('Access token').fill(`Bearer ${token}`);
    await loadExample(page, 'An expired token');
    await page.getByRole('button', { name: 'Restore what you pasted' }).click();
    await expect(page.getByLabel('Access token')).toHaveValue(`Bearer ${token}`);
    await expect(verdict(page)).toHaveText('No broken link found (5 not checked).');
    // Give a late request (a beacon, a lazy chunk) the time to show up.
    await page.waitForLoadState('networkidle');
  });
  const markers = [...token.split('.').slice(0, 2), 'acme', 'AcmeS3ReadRole', '210987654321'];
  const leaks = requests.filter((request) =>
    markers.some((marker) => request.url.includes(marker) || request.body.includes(marker))
  );
  expect(leaks.map((request) => request.url)).toEqual([]);
  const elsewhere = requests.filter(
    (request) => /^https?:/.test(request.url) && new URL(request.url).origin !== origin
  );
  expect(elsewhere.map((request) => request.url)).toEqual([]);
  expect(requests.filter((request) => request.method !== 'GET').map((r) => r.url)).toEqual([]);
  const stored = await page.evaluate(() =>
    JSON.stringify({ ...window.localStorage, ...window.sessionStorage })
  );
  for (const marker of markers) expect(stored).not.toContain(marker);
});

test('keyboard only: load an example, read the report, edit a field', async ({ page }) => {
  await openDiagnose(page);
  const select = page.getByLabel('Example setup', { exact: true });
  await select.focus();
  await page.keyboard.press('ArrowDown');
  await expect(select).toHaveValue('expired');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Load example' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(verdict(page)).toContainText('Broken: token');
  await tabTo(page, page.getByLabel('Access token'));
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await expect(line(page, 'token')).toContainText('the token is empty');
  await tabTo(page, page.getByLabel(/Show every detail/));
  await page.keyboard.press('Space');
  await expect(page.getByLabel(/Show every detail/)).toBeChecked();
  await tabTo(page, page.getByLabel(/--exchange/));
  await page.keyboard.press('Space');
  await expect(command(page)).toContainText('--exchange');
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe: the form with a broken report has no serious violations (${colorScheme})`, async ({
    page,
  }) => {
    test.slow();
    await page.emulateMedia({ colorScheme });
    await openDiagnose(page);
    await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
    expect(await seriousAxeViolations(page, ['#diagnose-setup'])).toEqual([]);
    await loadExample(page, 'Trust policy without the issuer’s path');
    await expect(verdict(page)).toContainText('Broken: trust-policy');
    await page.getByLabel(/Show every detail/).check();
    await page.locator('summary', { hasText: 'The report as text' }).click();
    await page.getByLabel(/Proxy URL/).fill('not a url');
    expect(await seriousAxeViolations(page, ['#diagnose-setup'])).toEqual([]);
  });
}

test.describe('on a 390 px phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the form and a long report fit', async ({ page }) => {
    await openDiagnose(page);
    await loadExample(page, 'Permissions without the AWS MCP keys');
    await expect(verdict(page)).toContainText('Broken: permissions');
    await page.getByLabel(/Show every detail/).check();
    await page.locator('summary', { hasText: 'The report as text' }).click();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth
    );
    expect(overflow).toBeLessThanOrEqual(0);
    for (const label of ['Access token', 'Configuration', 'Example setup']) {
      const box = await page.getByLabel(label, { exact: true }).boundingBox();
      expect(box?.width ?? 0, label).toBeGreaterThan(250);
      expect((box?.x ?? 0) + (box?.width ?? 0), label).toBeLessThanOrEqual(390);
    }
  });
});
