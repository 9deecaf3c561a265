// "Your values" on the tutorial: typed values fill every code block, invalid ones do not, copy
// buttons copy the filled text, values survive reload, Reset clears them, share links work.
import { test, expect, type Locator, type Page } from '@playwright/test';
import { collectErrors, TUTORIAL } from './lib/site';

const ISSUER = 'dev-42.okta.com/oauth2/default';
const ACCOUNT = '111122223333';
const REGION = 'eu-west-2';
const DOMAIN = 'mcp.acme.test';

/** A code block of the tutorial, found by text it always contains. */
function codeBlock(page: Page, text: string): Locator {
  return page.locator('.theme-code-block').filter({ hasText: text }).first();
}

const trustPolicy = (page: Page) => codeBlock(page, 'AllowToolHiveWebIdentity');
const registerProvider = (page: Page) => codeBlock(page, 'create-open-id-connect-provider');
const proxyManifest = (page: Page) => codeBlock(page, 'kind: MCPRemoteProxy');

/** Opens the panel and waits for its form (its code loads on demand). */
async function openPanel(page: Page): Promise<void> {
  const summary = page.locator('summary', { hasText: 'Your values' });
  await expect(summary).toBeVisible();
  if ((await summary.locator('..').getAttribute('open')) === null) await summary.click();
  await expect(page.getByLabel('OIDC issuer')).toBeVisible({ timeout: 20_000 });
}

async function fillValues(page: Page, issuer = `https://${ISSUER}`): Promise<void> {
  await page.getByLabel('OIDC issuer').fill(issuer);
  await page.getByLabel('AWS account ID').fill(ACCOUNT);
  await page.getByLabel('AWS region').selectOption(REGION);
  await page.getByLabel('Domain').fill(DOMAIN);
}

async function expectFilled(page: Page): Promise<void> {
  // After a reload or in a new browser, the form's code loads first (on demand).
  await expect(trustPolicy(page)).toContainText(`arn:aws:iam::${ACCOUNT}:`, { timeout: 20_000 });
  await expect(trustPolicy(page)).toContainText(
    `"Federated": "arn:aws:iam::${ACCOUNT}:oidc-provider/${ISSUER}"`
  );
  await expect(trustPolicy(page)).toContainText(`"${ISSUER}:aud": "<AUDIENCE>"`);
  await expect(registerProvider(page)).toContainText(`--url https://${ISSUER}`);
  await expect(proxyManifest(page)).toContainText(`https://aws-mcp.${REGION}.api.aws/mcp`);
  await expect(proxyManifest(page)).toContainText(`resourceUrl: https://${DOMAIN}/mcp`);
}

test.beforeEach(async ({ page }) => {
  await page.goto(TUTORIAL);
});

test('typed values fill the code blocks; empty ones keep their placeholders', async ({ page }) => {
  const errors = collectErrors(page);
  await openPanel(page);
  await fillValues(page);
  await expectFilled(page);
  // Audience and client ID are empty: their placeholders stay visible.
  await expect(registerProvider(page)).toContainText('--client-id-list <AUDIENCE>');
  await expect(page.getByText('https://https://')).toHaveCount(0);
  await expect(page.locator('summary', { hasText: 'Your values' })).toContainText('4 in use');
  await expect(page.getByRole('status').filter({ hasText: 'of your values' })).toContainText(
    '4 of your values are in the code'
  );

  // The same issuer typed without https:// gives the same code.
  await page.getByLabel('OIDC issuer').fill(ISSUER);
  await expectFilled(page);
  await expect(page.getByText('https://https://')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('an invalid account ID is shown as invalid and not substituted', async ({ page }) => {
  await openPanel(page);
  await fillValues(page);
  const account = page.getByLabel('AWS account ID');
  await account.fill('1234');
  await expect(account).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(/accountId must be exactly 12 digits/)).toBeVisible();
  await expect(trustPolicy(page)).toContainText(
    `"Federated": "arn:aws:iam::<ACCOUNT_ID>:oidc-provider/${ISSUER}"`
  );
  await expect(trustPolicy(page)).not.toContainText('1234');
  await expect(page.locator('summary', { hasText: 'Your values' })).toContainText('1 invalid');

  // A bad region code (typed as "another Region") and role name are refused the same way.
  await page.getByLabel('AWS region').selectOption({ label: 'Another Region (type its code)…' });
  await page.getByLabel('Region code').fill('Europe');
  await expect(page.getByLabel('Region code')).toHaveAttribute('aria-invalid', 'true');
  await expect(proxyManifest(page)).toContainText('https://aws-mcp.us-east-1.api.aws/mcp');
  await page.getByLabel('S3 read-only role name').fill('S3 Readers');
  await expect(page.getByLabel('S3 read-only role name')).toHaveAttribute('aria-invalid', 'true');
  await expect(codeBlock(page, 'kind: MCPExternalAuthConfig')).toContainText(
    'role/S3ReadOnlyMCPRole'
  );
});

test('role names, group and namespace replace the tutorial defaults', async ({ page }) => {
  await openPanel(page);
  await page.getByLabel('AWS account ID').fill(ACCOUNT);
  await page.getByLabel('Default role name').fill('McpDefault');
  await page.getByLabel('S3 read-only role name').fill('McpS3Reader');
  await page.getByLabel('S3 readers group').fill('aws-s3-readers');
  await page.getByLabel('Namespace').fill('mcp');
  const config = codeBlock(page, 'kind: MCPExternalAuthConfig');
  await expect(config).toContainText(`fallbackRoleArn: arn:aws:iam::${ACCOUNT}:role/McpDefault`);
  await expect(config).toContainText('- claim: aws-s3-readers');
  await expect(config).toContainText(`roleArn: arn:aws:iam::${ACCOUNT}:role/McpS3Reader`);
  await expect(config).toContainText('namespace: mcp');
  await expect(codeBlock(page, 'aws iam create-role')).toContainText('--role-name McpS3Reader');
});

test('the copy button copies the filled-in text', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openPanel(page);
  await fillValues(page, ISSUER);
  await page.getByLabel('Audience').fill('toolhive-test');
  const block = registerProvider(page);
  await expect(block).toContainText('--client-id-list toolhive-test');
  // Close the panel (on wide screens it stays in view while open), then copy.
  await page.locator('summary', { hasText: 'Your values' }).click();
  await block.hover();
  await block.getByRole('button', { name: /copy/i }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain(`--url https://${ISSUER}`);
  expect(copied).toContain('--client-id-list toolhive-test');
  expect(copied).not.toContain('<ISSUER>');
});

test('values survive a reload, and Reset clears them', async ({ page }) => {
  await openPanel(page);
  await fillValues(page);
  await expectFilled(page);
  await page.reload();
  // Stored values apply at once, without opening the panel or waiting for the form's code.
  await expect(page.locator('summary', { hasText: 'Your values' })).toContainText('4 in use');
  await expectFilled(page);
  await openPanel(page);
  await expect(page.getByLabel('AWS account ID')).toHaveValue(ACCOUNT);
  await expect(page.getByLabel('OIDC issuer')).toHaveValue(`https://${ISSUER}`);

  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(page.getByLabel('AWS account ID')).toHaveValue('');
  await expect(trustPolicy(page)).toContainText(
    '"Federated": "arn:aws:iam::<ACCOUNT_ID>:oidc-provider/<ISSUER>"'
  );
  await expect(page.getByRole('status').filter({ hasText: 'Values reset' })).toBeVisible();
  await page.reload();
  await expect(page.locator('summary', { hasText: 'Your values' })).toBeVisible();
  await expect(trustPolicy(page)).toContainText('arn:aws:iam::<ACCOUNT_ID>:oidc-provider/<ISSUER>');
  expect(await page.evaluate(() => Object.keys(window.localStorage))).not.toContain(
    'toolhive-aws-sts:your-values'
  );
});

test('a share link reproduces the values in a fresh browser', async ({ page, browser }) => {
  test.slow(); // two browsers, each loading the form's code
  await openPanel(page);
  await fillValues(page, ISSUER);
  const link = await page.getByLabel('Share link').inputValue();
  expect(link).toContain(`accountId=${ACCOUNT}`);
  expect(link).not.toMatch(/token|eyJ/i);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await expectFilled(other);
  // The values are now stored there, and the address no longer carries them.
  await expect(other).not.toHaveURL(/accountId=/);
  await other.reload();
  await expectFilled(other);
  await fresh.close();
});

test('keyboard only: Tab to the panel, open it and type', async ({ page }) => {
  // From a link in the prerequisites above, Tab reaches the panel within a few presses.
  await page.getByRole('link', { name: 'oauth2c' }).first().focus();
  const summary = page.locator('summary', { hasText: 'Your values' });
  for (let i = 0; i < 5 && !(await summary.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(summary).toBeFocused();
  await page.keyboard.press('Enter');
  const issuer = page.getByLabel('OIDC issuer');
  await expect(issuer).toBeVisible({ timeout: 20_000 });
  await page.keyboard.press('Tab');
  await expect(issuer).toBeFocused();
  await page.keyboard.type(ISSUER);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Audience')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Client ID')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('AWS account ID')).toBeFocused();
  await page.keyboard.type(ACCOUNT);
  await expect(trustPolicy(page)).toContainText(
    `"Federated": "arn:aws:iam::${ACCOUNT}:oidc-provider/${ISSUER}"`
  );
  // Enter on the summary closes the panel again; the values stay applied.
  await summary.focus();
  await page.keyboard.press('Enter');
  await expect(issuer).toBeHidden();
  await expect(trustPolicy(page)).toContainText(`arn:aws:iam::${ACCOUNT}:`);
});

test.describe('on a 390 px phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the panel fits and works', async ({ page }) => {
    await openPanel(page);
    await fillValues(page);
    await expectFilled(page);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth
    );
    expect(overflow).toBeLessThanOrEqual(0);
    const box = await page.getByLabel('OIDC issuer').boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(200);
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
  });
});

test('the Region is a choice among the AWS MCP Server Regions, with a way to type another', async ({
  page,
}) => {
  await openPanel(page);
  const region = page.getByLabel('AWS region');
  const codes = await region
    .locator('option')
    .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
  expect(codes).toEqual([
    '',
    'us-east-1',
    'us-west-2',
    'ap-southeast-1',
    'ap-southeast-2',
    'ap-northeast-1',
    'eu-central-1',
    'eu-west-1',
    'eu-west-2',
    '__other__',
  ]);
  await region.selectOption('ap-northeast-1');
  await expect(proxyManifest(page)).toContainText('https://aws-mcp.ap-northeast-1.api.aws/mcp');

  // A Region AWS does not list (yet) is used, with a note saying so.
  await region.selectOption({ label: 'Another Region (type its code)…' });
  await page.getByLabel('Region code').fill('ca-central-1');
  await expect(proxyManifest(page)).toContainText('https://aws-mcp.ca-central-1.api.aws/mcp');
  await expect(page.getByText(/region ca-central-1 is not one of the 8 Regions/)).toBeVisible();

  // Choosing a listed Region again hides the text field.
  await region.selectOption('eu-west-1');
  await expect(page.getByLabel('Region code')).toHaveCount(0);
  await expect(proxyManifest(page)).toContainText('https://aws-mcp.eu-west-1.api.aws/mcp');
});
