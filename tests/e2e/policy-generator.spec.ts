// The policy generator on the tutorial: values and roles in, every file out; invalid values get
// the generator's messages and no files; copy, download, zip; accessible, keyboard-only, 390 px.
import { test, expect, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { collectErrors, TUTORIAL } from './lib/site';
import { seriousAxeViolations } from './lib/axe';
import { tabTo } from './lib/keyboard';

const ISSUER = 'dev-42.okta.com/oauth2/default';
const ACCOUNT = '111122223333';
const EXAMPLE_ACCOUNT = '123456789012';
const EXAMPLE_ISSUER = 'dev-123456.okta.com/oauth2/default';
const MATCHER = '"admins" in claims["groups"]';

const generator = (page: Page) => page.locator('#policy-generator');
const field = (page: Page, label: string) => generator(page).getByLabel(label, { exact: true });
const tab = (page: Page, name: string) => generator(page).getByRole('tab', { name, exact: true });
const panel = (page: Page) => generator(page).getByRole('tabpanel');
/** One generated file in the open tab, by its path. */
const file = (page: Page, path: string) =>
  panel(page).getByRole('group', { name: path, exact: true });
/** The generator's messages shown next to a control (its aria-describedby error). */
async function fieldError(control: Locator): Promise<Locator> {
  const id = await control.getAttribute('id');
  return control.page().locator(`[id="${id}-error"]`);
}

/** Opens the generator (its code loads on demand) and waits for the files. */
async function openGenerator(page: Page): Promise<void> {
  await page.goto(TUTORIAL);
  await generator(page).locator(':scope > summary').click();
  await expect(generator(page).getByRole('tablist', { name: 'Generated files' })).toBeVisible({
    timeout: 20_000,
  });
}

test('the generator loads on demand, when the reader opens it', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  await page.goto(TUTORIAL);
  await page.waitForLoadState('networkidle');
  await expect(generator(page).getByText('Loading the policy generator')).toBeAttached();
  await expect(generator(page).getByRole('tablist')).toHaveCount(0);
  const before = scripts.length;
  await generator(page).locator(':scope > summary').click();
  await expect(generator(page).getByRole('tablist')).toBeVisible({ timeout: 20_000 });
  expect(scripts.length).toBeGreaterThan(before);
});

test('the tutorial values generate every file; edits show up in them', async ({
  page,
  baseURL,
}) => {
  const errors = collectErrors(page);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await openGenerator(page);

  await expect(tab(page, 'Trust policies')).toHaveAttribute('aria-selected', 'true');
  const trust = file(page, 'aws/trust-policy-DefaultMCPRole.json');
  await expect(trust).toContainText(
    `"Federated": "arn:aws:iam::${EXAMPLE_ACCOUNT}:oidc-provider/${EXAMPLE_ISSUER}"`
  );
  await expect(trust).toContainText(`"${EXAMPLE_ISSUER}:aud": "toolhive-aws"`);
  await expect(file(page, 'aws/trust-policy-S3ReadOnlyMCPRole.json')).toBeVisible();
  await expect(generator(page).getByText('12 files generated from these values.')).toBeVisible();
  const tabs = await generator(page).getByRole('tab').allTextContents();
  expect(tabs).toEqual([
    'Trust policies',
    'Permission policies',
    'AWS CLI (setup.sh)',
    'MCPOIDCConfig',
    'MCPExternalAuthConfig',
    'MCPRemoteProxy',
    'Gateway API',
    'Ingress',
    'Cleanup (cleanup.sh)',
    'README',
  ]);

  await field(page, 'AWS account ID').fill(ACCOUNT);
  await field(page, 'OIDC issuer').fill(`https://${ISSUER}`);
  await expect(trust).toContainText(
    `"Federated": "arn:aws:iam::${ACCOUNT}:oidc-provider/${ISSUER}"`
  );
  await expect(trust).toContainText(`"${ISSUER}:aud": "toolhive-aws"`);
  await tab(page, 'AWS CLI (setup.sh)').click();
  const setup = file(page, 'aws/setup.sh');
  await expect(setup).toContainText(`--url https://${ISSUER}`);
  await expect(setup).toContainText(`arn:aws:iam::${ACCOUNT}:oidc-provider/${ISSUER}`);
  await expect(setup).not.toContainText(EXAMPLE_ACCOUNT);

  // The issuer without https:// gets it added, with the generator's note.
  await field(page, 'OIDC issuer').fill(ISSUER);
  await expect(
    generator(page).getByText(`issuer: added https:// (https://${ISSUER})`)
  ).toBeVisible();
  await expect(setup).toContainText(`--url https://${ISSUER}`);
  await tab(page, 'MCPRemoteProxy').click();
  await field(page, 'AWS region').selectOption('eu-west-2');
  await expect(file(page, 'k8s/mcpremoteproxy.yaml')).toContainText(
    'https://aws-mcp.eu-west-2.api.aws/mcp'
  );
  // A Region AWS does not list yet is generated too, with the generator's note.
  await field(page, 'AWS region').selectOption({ label: 'Another Region (type its code)…' });
  await field(page, 'Region code').fill('eu-west-3');
  await expect(file(page, 'k8s/mcpremoteproxy.yaml')).toContainText(
    'https://aws-mcp.eu-west-3.api.aws/mcp'
  );
  await expect(
    generator(page).getByText(/region eu-west-3 is not one of the 8 Regions/)
  ).toBeVisible();

  const origin = new URL(baseURL ?? page.url()).origin;
  expect(requests.filter((url) => new URL(url).origin !== origin)).toEqual([]);
  expect(errors).toEqual([]);
});

test('roles can be added with a CEL matcher, and removed', async ({ page }) => {
  const errors = collectErrors(page);
  await openGenerator(page);
  await generator(page).getByRole('button', { name: 'Add a mapped role' }).click();
  await expect(field(page, 'Role 2 name')).toBeFocused();
  await page.keyboard.type('AdminMCPRole');
  await field(page, 'Role 2 matches by').selectOption('matcher');
  await field(page, 'Role 2 CEL matcher').fill(MATCHER);
  await field(page, 'Role 2 priority').fill('5');
  await field(page, 'Role 2 permissions').selectOption('s3-read-only');

  await tab(page, 'MCPExternalAuthConfig').click();
  const config = file(page, 'k8s/mcpexternalauthconfig.yaml');
  await expect(config).toContainText(`- matcher: '${MATCHER}'`);
  await expect(config).toContainText(`roleArn: arn:aws:iam::${EXAMPLE_ACCOUNT}:role/AdminMCPRole`);
  await expect(config).toContainText('priority: 5');
  await tab(page, 'Trust policies').click();
  await expect(file(page, 'aws/trust-policy-AdminMCPRole.json')).toBeVisible();
  await tab(page, 'Permission policies').click();
  await expect(file(page, 'aws/permission-policy-AdminMCPRole.json')).toContainText('s3:GetObject');

  // A matcher that does not compile gets the core's CEL message next to it.
  const matcher = field(page, 'Role 2 CEL matcher');
  await matcher.fill('"admins" in claims[');
  await expect(matcher).toHaveAttribute('aria-invalid', 'true');
  await expect(await fieldError(matcher)).toContainText(
    "roles[1].matcher does not compile as ToolHive's CEL matcher"
  );
  await expect(generator(page).getByRole('tablist')).toHaveCount(0);

  // Removing the role brings the files back without it; focus goes to "Add a mapped role".
  await generator(page).getByRole('button', { name: 'Remove role 2' }).click();
  await expect(generator(page).getByRole('button', { name: 'Add a mapped role' })).toBeFocused();
  await tab(page, 'MCPExternalAuthConfig').click();
  await expect(file(page, 'k8s/mcpexternalauthconfig.yaml')).not.toContainText('AdminMCPRole');
  expect(errors).toEqual([]);
});

test('invalid values show the generator messages inline and no files', async ({ page }) => {
  const errors = collectErrors(page);
  await openGenerator(page);
  const account = field(page, 'AWS account ID');
  const issuer = field(page, 'OIDC issuer');
  await account.fill('1234');
  await issuer.fill(`http://${ISSUER}`);
  await expect(account).toHaveAttribute('aria-invalid', 'true');
  await expect(await fieldError(account)).toHaveText(
    'accountId must be exactly 12 digits, got "1234": e.g. "123456789012"'
  );
  await expect(issuer).toHaveAttribute('aria-invalid', 'true');
  await expect(await fieldError(issuer)).toContainText(
    'uses http://, but IAM accepts only https:// OIDC providers'
  );
  await expect(account).toHaveAttribute('aria-describedby', /-error/);

  // No stale files: no tabs, no downloads, an explicit message, and a live summary.
  await expect(generator(page).getByRole('tablist')).toHaveCount(0);
  await expect(generator(page).getByRole('button', { name: /Download/ })).toHaveCount(0);
  await expect(generator(page).locator('pre')).toHaveCount(0);
  await expect(generator(page).getByText('No files while the values have problems')).toBeVisible();
  const summary = generator(page).locator('[aria-live="polite"]');
  await expect(summary).toHaveText('2 problems in the values: fix them to generate the files.');

  // Each message in the summary leads to its field.
  await generator(page)
    .getByRole('link', { name: /accountId must be exactly 12 digits/ })
    .click();
  await expect(account).toBeFocused();

  // An advanced field's problem opens the advanced settings when followed.
  await account.fill(ACCOUNT);
  await issuer.fill(ISSUER);
  const advanced = generator(page).locator('summary', { hasText: 'Advanced' });
  await advanced.click();
  await field(page, 'Session duration (seconds)').fill('5');
  // Closed again, the advanced settings still say that they hold a problem.
  await advanced.click();
  await expect(field(page, 'Session duration (seconds)')).toBeHidden();
  await expect(advanced).toContainText('(1 problem)');
  await generator(page)
    .getByRole('link', { name: /sessionDuration must be a whole number/ })
    .click();
  await expect(field(page, 'Session duration (seconds)')).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('1800');

  await expect(summary).toHaveText('12 files generated from these values.');
  await tab(page, 'MCPExternalAuthConfig').click();
  const config = file(page, 'k8s/mcpexternalauthconfig.yaml');
  await expect(config).toContainText('sessionDuration: 1800');
  await expect(config).toContainText(`arn:aws:iam::${ACCOUNT}:role/DefaultMCPRole`);
  expect(errors).toEqual([]);
});

test('a single file downloads under its name; all files download as a zip', async ({ page }) => {
  await openGenerator(page);
  await field(page, 'AWS account ID').fill(ACCOUNT);
  const trust = file(page, 'aws/trust-policy-DefaultMCPRole.json');
  await expect(trust).toContainText(ACCOUNT);

  const [single] = await Promise.all([
    page.waitForEvent('download'),
    trust.getByRole('button', { name: 'Download trust-policy-DefaultMCPRole.json' }).click(),
  ]);
  expect(single.suggestedFilename()).toBe('trust-policy-DefaultMCPRole.json');
  const policy = JSON.parse(readFileSync(await single.path(), 'utf8')) as {
    Statement: { Principal: { Federated: string } }[];
  };
  expect(policy.Statement[0]?.Principal.Federated).toBe(
    `arn:aws:iam::${ACCOUNT}:oidc-provider/${EXAMPLE_ISSUER}`
  );

  await tab(page, 'AWS CLI (setup.sh)').click();
  const [script] = await Promise.all([
    page.waitForEvent('download'),
    generator(page).getByRole('button', { name: 'Download setup.sh' }).click(),
  ]);
  expect(script.suggestedFilename()).toBe('setup.sh');
  const setupText = readFileSync(await script.path(), 'utf8');
  expect(setupText.startsWith('#!/usr/bin/env bash\n')).toBe(true);
  expect(setupText).toContain(`signed in to AWS account ${ACCOUNT}`);

  const [zip] = await Promise.all([
    page.waitForEvent('download'),
    generator(page).getByRole('button', { name: 'Download all (zip)' }).click(),
  ]);
  expect(zip.suggestedFilename()).toBe('toolhive-aws-sts.zip');
  const files = unzipSync(readFileSync(await zip.path()));
  expect(Object.keys(files).sort()).toEqual(
    [
      'README.md',
      'aws/trust-policy-DefaultMCPRole.json',
      'aws/permission-policy-DefaultMCPRole.json',
      'aws/trust-policy-S3ReadOnlyMCPRole.json',
      'aws/permission-policy-S3ReadOnlyMCPRole.json',
      'aws/setup.sh',
      'aws/cleanup.sh',
      'k8s/mcpexternalauthconfig.yaml',
      'k8s/mcpoidcconfig.yaml',
      'k8s/mcpremoteproxy.yaml',
      'k8s/gateway.yaml',
      'k8s/ingress.yaml',
    ].sort()
  );
  expect(strFromU8(files['aws/setup.sh']!)).toBe(setupText);
  expect(strFromU8(files['k8s/mcpexternalauthconfig.yaml']!)).toContain(
    `fallbackRoleArn: arn:aws:iam::${ACCOUNT}:role/DefaultMCPRole`
  );
  await expect(generator(page).getByRole('status')).toContainText(
    'Downloading toolhive-aws-sts.zip with 12 files.'
  );
});

test("Copy puts a file's text on the clipboard", async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openGenerator(page);
  await field(page, 'AWS account ID').fill(ACCOUNT);
  await tab(page, 'MCPExternalAuthConfig').click();
  const config = file(page, 'k8s/mcpexternalauthconfig.yaml');
  await expect(config).toContainText(ACCOUNT);
  await config.getByRole('button', { name: 'Copy k8s/mcpexternalauthconfig.yaml' }).click();
  await expect(generator(page).getByRole('status')).toHaveText(
    'Copied k8s/mcpexternalauthconfig.yaml.'
  );
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(
    /^apiVersion: toolhive\.stacklok\.dev\/v1beta1\nkind: MCPExternalAuthConfig/
  );
  expect(copied).toContain(`fallbackRoleArn: arn:aws:iam::${ACCOUNT}:role/DefaultMCPRole`);
  expect(copied.trimEnd()).toBe((await config.locator('pre').innerText()).trimEnd());
});

test('it starts from "Your values" and follows later changes there', async ({ page }) => {
  await page.goto(TUTORIAL);
  const yourValues = page.locator('details', {
    has: page.locator('summary', { hasText: 'Your values' }),
  });
  await yourValues.locator('summary').click();
  await yourValues.getByLabel('AWS account ID').fill(ACCOUNT);
  await yourValues.getByLabel('OIDC issuer').fill(ISSUER);
  await yourValues.getByLabel('S3 readers group').fill('aws-s3-readers');
  await expect(yourValues.getByLabel('AWS account ID')).toHaveAttribute('aria-invalid', 'false');
  await yourValues.locator('summary').click();

  await generator(page).locator(':scope > summary').click();
  await expect(field(page, 'AWS account ID')).toHaveValue(ACCOUNT, { timeout: 20_000 });
  await expect(field(page, 'OIDC issuer')).toHaveValue(`https://${ISSUER}`);
  await expect(field(page, 'Role 1 claim value')).toHaveValue('aws-s3-readers');
  await expect(generator(page).getByText('3 values from "Your values" above')).toBeVisible();
  await expect(file(page, 'aws/trust-policy-DefaultMCPRole.json')).toContainText(
    `"Federated": "arn:aws:iam::${ACCOUNT}:oidc-provider/${ISSUER}"`
  );

  // An edit here stays; a later change in "Your values" replaces only what it changes.
  await field(page, 'Namespace').fill('mcp');
  await yourValues.locator('summary').click();
  await yourValues.getByLabel('AWS region').selectOption('eu-west-2');
  await yourValues.locator('summary').click();
  await expect(field(page, 'AWS region')).toHaveValue('eu-west-2');
  await expect(field(page, 'Namespace')).toHaveValue('mcp');
  await expect(field(page, 'AWS account ID')).toHaveValue(ACCOUNT);
});

test('keyboard only: open, edit, add a role, switch tabs, copy', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(TUTORIAL);
  const summary = generator(page).locator(':scope > summary');
  await summary.focus();
  await page.keyboard.press('Enter');
  const issuer = field(page, 'OIDC issuer');
  await expect(issuer).toBeVisible({ timeout: 20_000 });
  await page.keyboard.press('Tab');
  await expect(issuer).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(ISSUER);
  await tabTo(page, field(page, 'AWS account ID'));
  await page.keyboard.press('Control+A');
  await page.keyboard.type(ACCOUNT);

  await tabTo(page, generator(page).getByRole('button', { name: 'Add a mapped role' }));
  await page.keyboard.press('Enter');
  await expect(field(page, 'Role 2 name')).toBeFocused();
  await page.keyboard.type('OpsMCPRole');
  await tabTo(page, field(page, 'Role 2 claim value'));
  await page.keyboard.type('ops');

  const trustTab = tab(page, 'Trust policies');
  await tabTo(page, trustTab);
  await page.keyboard.press('ArrowRight');
  await expect(tab(page, 'Permission policies')).toBeFocused();
  await expect(tab(page, 'Permission policies')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('End');
  await expect(tab(page, 'README')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(trustTab).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Home');
  await expect(trustTab).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Tab');
  const copy = generator(page).getByRole('button', {
    name: 'Copy aws/trust-policy-DefaultMCPRole.json',
  });
  await expect(copy).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(generator(page).getByRole('status')).toHaveText(
    'Copied aws/trust-policy-DefaultMCPRole.json.'
  );
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain(`arn:aws:iam::${ACCOUNT}:oidc-provider/${ISSUER}`);
  await expect(file(page, 'aws/trust-policy-OpsMCPRole.json')).toBeVisible();
  // The code itself is focusable, so long files scroll from the keyboard.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(file(page, 'aws/trust-policy-DefaultMCPRole.json').locator('pre')).toBeFocused();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds nothing serious with the generator open (${colorScheme} mode)`, async ({
    page,
  }) => {
    test.slow(); // axe over the whole tutorial takes a while
    await page.emulateMedia({ colorScheme });
    await openGenerator(page);
    await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
    await generator(page).locator('summary', { hasText: 'Advanced' }).click();
    expect(await seriousAxeViolations(page)).toEqual([]);
    // With problems shown inline and in the summary: still clean.
    await field(page, 'AWS account ID').fill('12');
    await field(page, 'Session duration (seconds)').fill('x');
    await generator(page).getByRole('button', { name: 'Add a mapped role' }).click();
    await expect(generator(page).getByText(/problems in the values/)).toBeVisible();
    expect(await seriousAxeViolations(page, ['#policy-generator'])).toEqual([]);
  });
}

test.describe('on a 390 px phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the generator fits and works', async ({ page }) => {
    const errors = collectErrors(page);
    await openGenerator(page);
    await field(page, 'AWS account ID').fill(ACCOUNT);
    await tab(page, 'AWS CLI (setup.sh)').click();
    await expect(file(page, 'aws/setup.sh')).toContainText(ACCOUNT);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth
    );
    expect(overflow).toBeLessThanOrEqual(0);
    const visible = [
      field(page, 'OIDC issuer'),
      field(page, 'Role 1 claim value'),
      generator(page).getByRole('button', { name: 'Download all (zip)' }),
      tab(page, 'README'),
      file(page, 'aws/setup.sh').locator('pre'),
      generator(page).getByRole('button', { name: 'Download setup.sh' }),
    ];
    for (const target of visible) {
      await target.scrollIntoViewIfNeeded();
      const box = await target.boundingBox();
      expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
    }
    const issuerBox = await field(page, 'OIDC issuer').boundingBox();
    expect(issuerBox?.width ?? 0).toBeGreaterThan(250);
    await tab(page, 'README').click();
    await expect(file(page, 'README.md')).toContainText('# ToolHive AWS STS setup');
    expect(errors).toEqual([]);
  });
});
