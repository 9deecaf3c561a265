// The offline report as the CLI prints it: one line per link in the order a request crosses them,
// ✓ ✗ –, the fix under every ✗, details on request, the verdict, and the plain text to copy. It
// runs no checks; the report comes from the doctor's core.
import type { ReactNode } from 'react';
import { useId, useState } from 'react';
import {
  formatReport,
  type CheckStatus,
  type DoctorCheck,
  type DoctorReport,
} from '@toolhive-aws-sts/sandbox/doctor';
import styles from './styles.module.css';

/** The CLI's symbols, with words for screen readers. */
const STATUS: Record<CheckStatus, { symbol: string; words: string }> = {
  pass: { symbol: '✓', words: 'passed' },
  fail: { symbol: '✗', words: 'broken' },
  skip: { symbol: '–', words: 'not checked' },
};

function Check({ check, verbose }: { check: DoctorCheck; verbose: boolean }): ReactNode {
  const { symbol, words } = STATUS[check.status];
  const details = check.details !== undefined && (verbose || check.status === 'fail');
  return (
    <li className={styles.check} data-status={check.status}>
      <span className={styles.symbol} role='img' aria-label={words}>
        {symbol}
      </span>
      <div className={styles.checkBody}>
        <code className={styles.link}>{check.link}</code> {check.message}
        {check.fix !== undefined && (
          <p className={styles.fix}>
            <strong>Fix:</strong> {check.fix}
          </p>
        )}
        {details && (
          <ul className={styles.details}>
            {check.details?.map((line, index) => (
              // Details are lines of text, only ever replaced as a whole.
              <li key={index}>{line}</li>
            ))}
          </ul>
        )}
      </div>
    </li>
  );
}

export default function Report({ report }: { report: DoctorReport }): ReactNode {
  const id = useId();
  const [verbose, setVerbose] = useState(false);
  const text = formatReport(report, { verbose });
  const verdict = text.slice(text.lastIndexOf('\n') + 1);
  return (
    <div className={styles.report}>
      <p role='status' className={styles.verdict} data-ok={report.ok}>
        {verdict}
      </p>
      <ol className={styles.checks} aria-label='Links, in the order a request crosses them'>
        {report.checks.map((check) => (
          <Check key={check.link} check={check} verbose={verbose} />
        ))}
      </ol>
      <div className={styles.inline}>
        <input
          id={`${id}-verbose`}
          type='checkbox'
          checked={verbose}
          onChange={(event) => setVerbose(event.target.checked)}
        />
        <label htmlFor={`${id}-verbose`}>
          Show every detail, as <code>doctor --verbose</code> does
        </label>
      </div>
      <details className={styles.text}>
        <summary>The report as text</summary>
        {/* Focusable so that keyboard users can scroll the long lines. */}
        <pre tabIndex={0} aria-label='The report as text'>
          {text}
        </pre>
      </details>
    </div>
  );
}
