// What the e2e tests know about the built site: its pages (from the sitemap) and the key routes.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';

export const TUTORIAL = '/toolhive/tutorials/aws-sts-integration';
export const DIAGNOSE = '/toolhive/tutorials/aws-sts-diagnose';
export const CROSS_REFERENCES = [
  '/toolhive/concepts/backend-auth',
  '/toolhive/guides-k8s/token-exchange-k8s',
  '/toolhive/guides-k8s/remote-mcp-proxy',
];

/** Every page path of the production build, read from its sitemap. */
export function sitePaths(): string[] {
  const xml = readFileSync('build/sitemap.xml', 'utf8');
  const paths = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  return [...new Set(paths)].filter((p) => p !== '/search').sort();
}

/** Collects console errors and uncaught exceptions of a page. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  return errors;
}
