// The tutorial's parts of the stock theme: its flow diagram (pre-rendered SVG), IdP tabs, search.
import { test, expect } from '@playwright/test';
import { CROSS_REFERENCES, TUTORIAL } from './lib/site';

test('the flow diagram is SVG in the page', async ({ page }) => {
  await page.goto(TUTORIAL);
  const svg = page.locator('figure > svg[id^="diagram-"]').first();
  await expect(svg).toBeVisible();
  await expect(svg).toContainText('STS');
});

test('identity-provider tabs switch and are deep-linkable', async ({ page }) => {
  await page.goto(`${TUTORIAL}?provider=keycloak`);
  const tab = page.getByRole('tab', { name: 'Keycloak' }).first();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('tab', { name: 'Auth0' }).first().click();
  await expect(page.getByRole('tab', { name: 'Auth0' }).first()).toHaveAttribute(
    'aria-selected',
    'true'
  );
  await expect(page).toHaveURL(/provider=auth0/);
});

for (const path of CROSS_REFERENCES) {
  test(`${path} links to the tutorial`, async ({ page }) => {
    await page.goto(path);
    const link = page.locator(`article a[href^="${TUTORIAL}"]`).first();
    await expect(link).toBeVisible();
    await link.click();
    await expect(page).toHaveURL(new RegExp(`${TUTORIAL}(#.*)?$`));
    await expect(page.locator('h1').first()).toHaveText(
      'AWS STS authentication for the AWS MCP Server'
    );
  });
}

test('search finds awsSts and leads to the tutorial', async ({ page }) => {
  await page.goto('/');
  const input = page.getByRole('searchbox').or(page.getByPlaceholder('Search')).first();
  await input.fill('awsSts');
  const hit = page.locator(`a[href*="${TUTORIAL}"]`).filter({ hasText: /./ }).first();
  await expect(hit).toBeVisible({ timeout: 15_000 });
  await hit.click();
  await expect(page).toHaveURL(new RegExp(TUTORIAL));
});

test('the home page leads to the tutorial', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Start the tutorial' }).click();
  await expect(page).toHaveURL(new RegExp(`${TUTORIAL}$`));
});
