// Keeps the offline report in step with the pasted fields: each change reruns the doctor's
// offline checks shortly after typing pauses, and a stale run never overwrites a newer one.
import { useEffect, useState } from 'react';
import type { DoctorReport } from '@toolhive-aws-sts/sandbox/doctor';
import { diagnoseOffline, isBlank } from './engine/diagnosis';
import type { DiagnoseFields } from './engine/examples';

/** How long typing must pause before the checks rerun. */
const PAUSE_MS = 150;

export type ReportState =
  | { state: 'empty' }
  | { state: 'ready'; report: DoctorReport }
  | { state: 'error'; message: string };

/**
 * The report for `fields`, or why there is none.
 * @example const result = useOfflineReport(fields); if (result.state === 'ready') …
 */
export function useOfflineReport(fields: DiagnoseFields): ReportState {
  const [result, setResult] = useState<ReportState>({ state: 'empty' });
  const blank = isBlank(fields);
  useEffect(() => {
    if (blank) return undefined;
    let current = true;
    const timer = setTimeout(() => {
      diagnoseOffline(fields).then(
        (report) => {
          if (current) setResult({ state: 'ready', report });
        },
        (error: unknown) => {
          if (current) {
            const reason = error instanceof Error ? error.message : String(error);
            setResult({ state: 'error', message: reason });
          }
        }
      );
    }, PAUSE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [fields, blank]);
  // Until the first run after a change ends, the previous report stays (no flicker while typing).
  return blank ? { state: 'empty' } : result;
}
