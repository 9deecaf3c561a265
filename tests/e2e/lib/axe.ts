// axe as the e2e tests use it: WCAG 2 A and AA rules, and only serious or critical findings count.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * Serious and critical axe findings on the page, or only inside `include` (CSS selectors), each
 * as `rule: targets`; an empty list means clean.
 * @example expect(await seriousAxeViolations(page, ['#policy-generator'])).toEqual([]);
 */
export async function seriousAxeViolations(page: Page, include: string[] = []): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']);
  for (const selector of include) builder = builder.include(selector);
  const results = await builder.analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
