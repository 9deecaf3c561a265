// A 390-px-wide phone: no horizontal scrolling, and the menu reaches the tutorial.
import { test, expect, type Page } from '@playwright/test';
import { DIAGNOSE, TUTORIAL } from './lib/site';

for (const path of ['/', TUTORIAL, DIAGNOSE]) {
  test(`${path} fits a 390 px viewport`, async ({ page }) => {
    await page.goto(path);
    await expect(page.locator('h1').first()).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
}

test('the mobile menu opens the sidebar and navigates to the tutorial', async ({ page }) => {
  await page.goto('/toolhive/concepts/backend-auth');
  await page.getByRole('button', { name: /toggle navigation bar/i }).click();
  const menu = page.locator('.navbar-sidebar');
  await expect(menu).toBeVisible();
  await menu.getByRole('link', { name: 'AWS STS for the AWS MCP Server' }).click();
  await expect(page).toHaveURL(new RegExp(TUTORIAL));
});

/** The scripts the page has asked the browser to prefetch (Docusaurus adds a <link> per chunk). */
const prefetched = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('link[rel="prefetch"]')].map((link) => link.getAttribute('href'))
  );

test('a phone fetches the pages in the closed menu only once the menu opens', async ({ page }) => {
  // Docusaurus prefetches the code of pages whose links are in view; the closed menu is not.
  await page.goto('/toolhive/guides-k8s/token-exchange-k8s');
  await page.waitForLoadState('networkidle');
  const closed = new Set(await prefetched(page));
  await page.getByRole('button', { name: /toggle navigation bar/i }).click();
  await expect(page.locator('.navbar-sidebar')).toBeVisible();
  await expect
    .poll(async () => (await prefetched(page)).filter((href) => !closed.has(href)).length)
    .toBeGreaterThan(2);
});
