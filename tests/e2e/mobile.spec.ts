// A 390-px-wide phone: no horizontal scrolling, and the menu reaches the tutorial.
import { test, expect } from '@playwright/test';
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
