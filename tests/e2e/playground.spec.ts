// The role-mapping playground on the tutorial: claims and config drive the selected role, presets
// show the classic mistakes, bad input gets a message, tokens decode locally and never leave.
import { test, expect, type Page } from '@playwright/test';
import { collectErrors, TUTORIAL } from './lib/site';
import { seriousAxeViolations } from './lib/axe';
import { fakeJwt } from './lib/tokens';

const ROLE = (name: string) => `arn:aws:iam::123456789012:role/${name}`;

/** Scrolls to the playground (its code loads when it nears the viewport) and waits for it. */
async function openPlayground(page: Page): Promise<void> {
  await page.goto(TUTORIAL);
  await page.locator('#try-role-mapping').scrollIntoViewIfNeeded();
  await expect(page.getByLabel('awsSts configuration')).toBeVisible({ timeout: 20_000 });
}

const selectedRole = (page: Page) => page.getByRole('status', { name: 'Selected role' });

test('the playground loads on demand, not with the page', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  await page.goto(TUTORIAL);
  await page.waitForLoadState('networkidle');
  await expect(page.getByText('Loading the role-mapping playground')).toBeAttached();
  await expect(page.getByLabel('awsSts configuration')).toHaveCount(0);
  const before = scripts.length;
  await page.locator('#try-role-mapping').scrollIntoViewIfNeeded();
  await expect(page.getByLabel('awsSts configuration')).toBeVisible({ timeout: 20_000 });
  expect(scripts.length).toBeGreaterThan(before);
});

test('editing the claims changes the selected role', async ({ page }) => {
  const errors = collectErrors(page);
  await openPlayground(page);
  const status = selectedRole(page);
  await expect(status).toContainText(ROLE('S3ReadOnlyMCPRole'));
  await expect(status).toContainText('roleMappings[0]');
  await expect(status).toContainText('alice@example.com');

  const claims = page.getByLabel('Claims', { exact: true });
  await claims.fill('{"sub": "alice", "groups": ["s3-readers"]}');
  await expect(status).toContainText(ROLE('S3ReadOnlyMCPRole'));
  await expect(status).toContainText('matched, chosen');

  await claims.fill('{"sub": "alice", "groups": []}');
  await expect(status).toContainText(ROLE('DefaultMCPRole'));
  await expect(status).toContainText('fallbackRoleArn (no mapping matched)');
  await expect(status).toContainText('not matched');
  expect(errors).toEqual([]);
});

test('editing the configuration changes the selected role', async ({ page }) => {
  await openPlayground(page);
  const config = page.getByLabel('awsSts configuration');
  const text = await config.inputValue();
  await config.fill(text.replace('claim: s3-readers', 'claim: s3-admins'));
  await expect(selectedRole(page)).toContainText(ROLE('DefaultMCPRole'));
  await config.fill(
    text.replace(/\n\s+fallbackRoleArn: .*/, '').replace('claim: s3-readers', 'claim: s3-admins')
  );
  await expect(selectedRole(page)).toContainText('403');
});

const PRESETS: { label: string; role: string; shows: string }[] = [
  { label: 'Tutorial example', role: 'S3ReadOnlyMCPRole', shows: 'matched, chosen' },
  { label: 'No matching group', role: 'DefaultMCPRole', shows: 'not matched' },
  {
    label: 'claim used as a claim name',
    role: 'DefaultMCPRole',
    shows: 'claims.groups does not contain "groups"',
  },
  { label: 'groups as a string', role: 'DefaultMCPRole', shows: 'evaluation error' },
  { label: 'Two matching mappings', role: 'S3ReadWriteMCPRole', shows: '2 mappings matched' },
  { label: 'CEL matcher', role: 'S3ReadOnlyMCPRole', shows: 'the expression is true' },
  { label: 'ToolHive-issued token', role: 'S3ReadOnlyMCPRole', shows: 'the expression is true' },
  {
    label: 'Virtual MCP Server backend',
    role: 'S3ReadOnlyMCPRole',
    shows: 'the expression is true',
  },
  { label: 'Auth0 sub with |', role: 'S3ReadOnlyMCPRole', shows: 'INVALID_SESSION_NAME' },
];

test('each preset shows its outcome', async ({ page }) => {
  await openPlayground(page);
  const status = selectedRole(page);
  for (const preset of PRESETS) {
    const button = page.getByRole('button', { name: preset.label, exact: true });
    await button.click();
    await expect(button).toHaveAttribute('aria-pressed', 'true');
    await expect(status, preset.label).toContainText(ROLE(preset.role));
    await expect(status, preset.label).toContainText(preset.shows);
  }
  // The string-groups preset falls back because of the evaluation error.
  await page.getByRole('button', { name: 'groups as a string' }).click();
  await expect(status).toContainText('fallbackRoleArn');
  await expect(status).toContainText('is a string, not a list');
  // Following the CEL preset's advice: a false claim no longer matches.
  await page.getByRole('button', { name: 'CEL matcher' }).click();
  const claims = page.getByLabel('Claims', { exact: true });
  await claims.fill(
    (await claims.inputValue()).replace('"email_verified": true', '"email_verified": false')
  );
  await expect(status).toContainText(ROLE('DefaultMCPRole'));
  await expect(status).toContainText('the expression is false');
  // The Virtual MCP Server preset explains subjectProviderName, and warns about a bad name.
  await page.getByRole('button', { name: 'Virtual MCP Server backend' }).click();
  await expect(
    page.getByText(/^Note: subjectProviderName is read only by VirtualMCPServer/)
  ).toBeVisible();
  const config = page.getByLabel('awsSts configuration');
  await config.fill(
    (await config.inputValue()).replace('subjectProviderName: okta', 'subjectProviderName: Okta')
  );
  await expect(page.getByText(/^Note: subjectProviderName "Okta" can never name/)).toBeVisible();
  // The ToolHive-issued token has no groups: the tutorial's group mapping cannot match it.
  await page.getByRole('button', { name: 'ToolHive-issued token' }).click();
  await config.fill(
    (await config.inputValue()).replace(/- matcher: .*\n/, '- claim: s3-readers\n')
  );
  await expect(status).toContainText(ROLE('DefaultMCPRole'));
});

test('malformed YAML and JSON get a message, never a crash', async ({ page }) => {
  const errors = collectErrors(page);
  await openPlayground(page);
  const config = page.getByLabel('awsSts configuration');
  const original = await config.inputValue();
  const status = selectedRole(page);

  await config.fill('awsSts:\n  region: [us-east-1\n');
  await expect(page.getByText(/YAML syntax error/)).toBeVisible();
  await expect(config).toHaveAttribute('aria-invalid', 'true');
  await expect(status).toContainText('No role: the configuration has');

  // A field problem is reported with its path and line.
  await config.fill(original.replace('region: us-east-1', 'region: Virginia'));
  await expect(page.getByText('awsSts.region', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: /^Line 9/ }).click();
  await expect(config).toBeFocused();

  await config.fill(original);
  await expect(status).toContainText(ROLE('S3ReadOnlyMCPRole'));
  const claims = page.getByLabel('Claims', { exact: true });
  await claims.fill('{"sub": "alice", "groups": ["s3-readers"');
  await expect(status).toContainText('The claims are not valid JSON');
  await expect(claims).toHaveAttribute('aria-invalid', 'true');
  await claims.fill('["s3-readers"]');
  await expect(status).toContainText('must be a JSON object');
  expect(errors).toEqual([]);
});

test('a pasted token is decoded locally and never leaves the page', async ({ page, baseURL }) => {
  await openPlayground(page);
  const requests: { url: string; body: string | null }[] = [];
  page.on('request', (request) => requests.push({ url: request.url(), body: request.postData() }));

  const token = fakeJwt({
    iss: 'https://dev-42.okta.com/oauth2/default',
    aud: 'toolhive-aws',
    sub: 'dave@example.com',
    groups: ['s3-readers', 'developers'],
    exp: 4102444800,
  });
  await expect(page.getByText('never sent anywhere')).toBeVisible();
  const field = page.getByLabel('Token (JWT)');
  await field.fill(token);
  await expect(page.getByText(/Decoded 5 claims/)).toBeVisible();
  await expect(page.getByLabel('Claims', { exact: true })).toHaveValue(/dave@example\.com/);
  const status = selectedRole(page);
  await expect(status).toContainText(ROLE('S3ReadOnlyMCPRole'));
  await expect(status).toContainText('dave@example.com');

  await field.fill(`Bearer ${fakeJwt({ sub: 'erin', groups: ['ops'] })}`);
  await expect(status).toContainText(ROLE('DefaultMCPRole'));
  await field.fill('not-a-token');
  await expect(page.getByText(/Not a JWT/)).toBeVisible();
  await page.waitForTimeout(500);

  const origin = new URL(baseURL ?? page.url()).origin;
  const foreign = requests.filter((request) => new URL(request.url).origin !== origin);
  expect(foreign.map((request) => request.url)).toEqual([]);
  const leaks = requests.filter(
    (request) => request.url.includes('eyJ') || (request.body ?? '').includes('eyJ')
  );
  expect(leaks.map((request) => request.url)).toEqual([]);
  const stored = await page.evaluate(() => JSON.stringify({ ...window.localStorage }));
  expect(stored).not.toContain('eyJ');
});

test('keyboard only: presets and editors are reachable with Tab', async ({ page }) => {
  await openPlayground(page);
  await page.getByRole('button', { name: 'Tutorial example' }).focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'No matching group' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(selectedRole(page)).toContainText(ROLE('DefaultMCPRole'));
  // Past the other seven presets: the claims, the token, then the configuration.
  for (let i = 0; i < 8; i++) await page.keyboard.press('Tab');
  const claims = page.getByLabel('Claims', { exact: true });
  await expect(claims).toBeFocused();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Backspace');
  await expect(selectedRole(page)).toContainText('The claims are not valid JSON');
  await page.keyboard.type('}');
  await expect(selectedRole(page)).toContainText(ROLE('DefaultMCPRole'));
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Token (JWT)')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('awsSts configuration')).toBeFocused();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe stays clean with both components open (${colorScheme} mode)`, async ({ page }) => {
    test.slow(); // axe over the whole tutorial takes a while
    await page.emulateMedia({ colorScheme });
    await openPlayground(page);
    await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
    await page.getByRole('button', { name: 'groups as a string' }).click();
    await page.getByLabel('Token (JWT)').fill('not-a-token');
    await page.locator('summary', { hasText: 'Your values' }).click();
    await page.getByLabel('AWS account ID').fill('12');
    await expect(page.getByLabel('AWS account ID')).toHaveAttribute('aria-invalid', 'true', {
      timeout: 20_000,
    });
    await page.getByLabel('OIDC issuer').fill('dev-42.okta.com/oauth2/default');
    expect(await seriousAxeViolations(page)).toEqual([]);
    // Invalid configuration and claims show their messages; still clean.
    await page.getByLabel('awsSts configuration').fill('awsSts: [');
    await page.getByLabel('Claims', { exact: true }).fill('{');
    await expect(page.getByText(/YAML syntax error/)).toBeVisible();
    expect(
      await seriousAxeViolations(page, ['details', 'section[aria-label="Role-mapping playground"]'])
    ).toEqual([]);
  });
}

test.describe('on a 390 px phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the playground fits and works', async ({ page }) => {
    await openPlayground(page);
    await page.getByRole('button', { name: 'groups as a string' }).click();
    await expect(selectedRole(page)).toContainText(ROLE('DefaultMCPRole'));
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth
    );
    expect(overflow).toBeLessThanOrEqual(0);
    for (const label of ['awsSts configuration', 'Token (JWT)']) {
      const box = await page.getByLabel(label).boundingBox();
      expect(box?.width ?? 0, label).toBeGreaterThan(250);
      expect((box?.x ?? 0) + (box?.width ?? 0), label).toBeLessThanOrEqual(390);
    }
  });
});
