// Every page of the build renders without errors and passes axe (no serious or critical issues).
import { test, expect } from '@playwright/test';
import { seriousAxeViolations } from './lib/axe';
import { collectErrors, DIAGNOSE, sitePaths, TUTORIAL } from './lib/site';

const paths = sitePaths();

test('the sitemap lists the home page, the tutorial, the diagnosis page and the cross-references', () => {
  expect(paths).toContain('/');
  expect(paths).toContain(TUTORIAL);
  expect(paths).toContain(DIAGNOSE);
  expect(paths.length).toBeGreaterThanOrEqual(5);
});

for (const path of paths) {
  test(`${path} renders with no console errors and no serious axe violations`, async ({ page }) => {
    // axe walks every node; on the long tutorial with its components that can take half a minute.
    test.slow();
    const errors = collectErrors(page);
    await page.goto(path);
    await expect(page.locator('h1').first()).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
}

test('dark mode: the tutorial passes axe', async ({ page }) => {
  test.slow();
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(TUTORIAL);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.waitForLoadState('networkidle');
  expect(await seriousAxeViolations(page)).toEqual([]);
});

test('code blocks have titles and a copy button', async ({ page }) => {
  await page.goto(TUTORIAL);
  const block = page.locator('.theme-code-block').filter({ hasText: 'awsSts' }).first();
  await expect(block.locator('[class*="codeBlockTitle"]')).toBeVisible();
  await block.hover();
  await expect(block.getByRole('button', { name: /copy/i })).toBeVisible();
});
