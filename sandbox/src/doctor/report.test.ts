import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildReport, fail, formatReport, pass, skip } from './report';
import { LINKS, type DoctorCheck } from './types';

const allPass = (): DoctorCheck[] => LINKS.map((link) => pass(link, `${link} fine`));

describe('buildReport', () => {
  it('orders the checks as a request crosses the links, whatever order they come in', () => {
    const report = buildReport([...allPass()].reverse());
    assert.deepEqual(
      report.checks.map((check) => check.link),
      [...LINKS]
    );
    assert.equal(report.ok, true);
  });

  it('is not ok when one link failed; a skipped link does not fail it', () => {
    const checks = allPass().map((check) =>
      check.link === 'sts' ? skip('sts', 'not called') : check
    );
    assert.equal(buildReport(checks).ok, true);
    checks[2] = fail('token', 'expired', 'get a fresh token');
    assert.equal(buildReport(checks).ok, false);
  });

  it('refuses a missing or duplicated link (a programming error)', () => {
    assert.throws(() => buildReport(allPass().slice(1)), /0 checks for config/);
    assert.throws(() => buildReport([...allPass(), pass('jwks', 'again')]), /2 checks for jwks/);
  });

  it('keeps details only when there are some', () => {
    assert.equal('details' in pass('config', 'x', []), false);
    assert.deepEqual(pass('config', 'x', ['a']).details, ['a']);
  });
});

describe('formatReport', () => {
  const report = buildReport(
    allPass().map((check) =>
      check.link === 'session-name'
        ? fail('session-name', 'sub "auth0|carol" is invalid', 'set sessionNameClaim: email', [
            'd1',
          ])
        : check.link === 'role-mapping'
          ? pass('role-mapping', 'matched', ['trace line'])
          : check.link === 'sts'
            ? skip('sts', 'not called')
            : check
    )
  );

  it('prints one line per link with ✓ ✗ –, the fix and details under a ✗, and a verdict', () => {
    const lines = formatReport(report).split('\n');
    assert.equal(lines[0], '✓ config        config fine');
    assert.ok(lines.includes('✗ session-name  sub "auth0|carol" is invalid'));
    assert.ok(lines.includes('                fix: set sessionNameClaim: email'));
    assert.ok(lines.includes('                d1'));
    assert.ok(lines.includes('– sts           not called'));
    assert.ok(!lines.some((line) => line.includes('trace line')));
    assert.equal(lines.at(-1), 'Broken: session-name. Fix the first one and run doctor again.');
  });

  it('shows every detail with verbose, and a clean verdict when nothing failed', () => {
    assert.match(formatReport(report, { verbose: true }), /trace line/);
    assert.equal(formatReport(buildReport(allPass())).split('\n').at(-1), 'No broken link found.');
  });
});
