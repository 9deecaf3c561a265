// Building and printing a doctor report: one check per link in LINKS order, `ok` when nothing
// failed, and the human form (✓ ✗ –). It runs no checks itself.

import type { AwsStsConfig } from '../config';
import { LINKS, type DoctorCheck, type DoctorReport, type LinkName } from './types';

/**
 * A passed check.
 * @example pass('config', 'valid MCPExternalAuthConfig "aws-mcp-sts-auth"')
 */
export function pass(link: LinkName, message: string, details?: string[]): DoctorCheck {
  return withDetails({ link, status: 'pass', message }, details);
}

/**
 * A failed check; every failure says what to change.
 * @example fail('session-name', 'sub "auth0|carol" …', 'set sessionNameClaim: email')
 */
export function fail(
  link: LinkName,
  message: string,
  fix: string,
  details?: string[]
): DoctorCheck {
  return withDetails({ link, status: 'fail', message, fix }, details);
}

/**
 * A link that was not checked, and why.
 * @example skip('sts', 'not called: add --exchange')
 */
export function skip(link: LinkName, message: string, details?: string[]): DoctorCheck {
  return withDetails({ link, status: 'skip', message }, details);
}

/**
 * The skip of a link that needs a valid configuration.
 * @example skipInvalidConfig('sts').message // 'not checked: the configuration is invalid (see config)'
 */
export function skipInvalidConfig(link: LinkName): DoctorCheck {
  return skip(link, 'not checked: the configuration is invalid (see config)');
}

/**
 * What an offline check of the token reads: the valid configuration and the token's claims, or
 * the skip that says which of them is missing.
 * @example const inputs = tokenCheckInputs('session-name', config, claims); if ('skipped' in inputs) …
 */
export function tokenCheckInputs(
  link: LinkName,
  config: AwsStsConfig | undefined,
  claims: Record<string, unknown> | undefined
): { config: AwsStsConfig; claims: Record<string, unknown> } | { skipped: DoctorCheck } {
  if (config === undefined) return { skipped: skipInvalidConfig(link) };
  if (claims === undefined) {
    return { skipped: skip(link, 'not checked: the token has no readable claims') };
  }
  return { config, claims };
}

function withDetails(check: DoctorCheck, details: string[] | undefined): DoctorCheck {
  return details !== undefined && details.length > 0 ? { ...check, details } : check;
}

/**
 * The report: exactly one check per link, in the order a request crosses them.
 * @example buildReport([pass('config', 'valid'), …]).ok
 */
export function buildReport(checks: readonly DoctorCheck[]): DoctorReport {
  const ordered = LINKS.map((link) => {
    const found = checks.filter((check) => check.link === link);
    if (found.length !== 1) {
      throw new Error(`doctor produced ${found.length} checks for ${link}; expected exactly one`);
    }
    return found[0] as DoctorCheck;
  });
  return { ok: ordered.every((check) => check.status !== 'fail'), checks: ordered };
}

const SYMBOLS = { pass: '✓', fail: '✗', skip: '–' } as const;
const WIDTH = Math.max(...LINKS.map((link) => link.length));

/**
 * The human form: one line per link (`✓ token  …`), the fix under every ✗, details with
 * `verbose` (always under a ✗), and a last line with the verdict.
 * @example console.log(formatReport(report))
 */
export function formatReport(report: DoctorReport, options: { verbose?: boolean } = {}): string {
  const lines: string[] = [];
  for (const check of report.checks) {
    lines.push(`${SYMBOLS[check.status]} ${check.link.padEnd(WIDTH)}  ${check.message}`);
    const indent = ' '.repeat(WIDTH + 4);
    if (check.fix !== undefined) lines.push(`${indent}fix: ${check.fix}`);
    if (check.details !== undefined && (options.verbose === true || check.status === 'fail')) {
      for (const detail of check.details) lines.push(`${indent}${detail}`);
    }
  }
  const failed = report.checks.filter((check) => check.status === 'fail').map((c) => c.link);
  const skipped = report.checks.filter((check) => check.status === 'skip').length;
  const skippedNote = skipped > 0 ? ` (${skipped} not checked)` : '';
  lines.push(
    failed.length === 0
      ? `No broken link found${skippedNote}.`
      : `Broken: ${failed.join(', ')}. Fix the first one and run doctor again.`
  );
  return lines.join('\n');
}
