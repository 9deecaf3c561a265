// The setup diagnosis, loaded on demand: the reader pastes a token, the configuration and the
// IAM policies (or loads an example), the doctor's offline checks rerun on every change, and
// the page ends with the doctor command for the rest. Nothing pasted is sent or stored.
import type { ReactNode } from 'react';
import { useCallback, useId, useState } from 'react';
import { EXAMPLES, examplesByGroup, type DiagnoseFields, type Example } from './engine/examples';
import Fields from './Fields';
import OnlineCommand from './OnlineCommand';
import Report from './Report';
import { useOfflineReport } from './useOfflineReport';
import styles from './styles.module.css';

const EMPTY: DiagnoseFields = { token: '', config: '', trustPolicy: '', permissionPolicies: [] };

const same = (a: DiagnoseFields, b: DiagnoseFields): boolean =>
  a.token === b.token &&
  a.config === b.config &&
  a.trustPolicy === b.trustPolicy &&
  a.permissionPolicies.join('\0') === b.permissionPolicies.join('\0');

const blank = (fields: DiagnoseFields): boolean => same(fields, EMPTY);

export default function Diagnose(): ReactNode {
  const id = useId();
  const [fields, setFields] = useState<DiagnoseFields>(EMPTY);
  const [choice, setChoice] = useState(EXAMPLES[0]?.id ?? '');
  /** The example on show, and its fields as loaded (to tell the reader's edits). */
  const [loaded, setLoaded] = useState<{ example: Example; fields: DiagnoseFields }>();
  /** What the reader had pasted before loading an example, kept to restore. */
  const [yours, setYours] = useState<DiagnoseFields>();
  const result = useOfflineReport(fields);

  const change = useCallback((patch: Partial<DiagnoseFields>) => {
    setFields((current) => ({ ...current, ...patch }));
  }, []);

  const load = () => {
    const example = EXAMPLES.find((entry) => entry.id === choice);
    if (example === undefined) return;
    const isOwn = loaded === undefined || !same(fields, loaded.fields);
    if (isOwn && !blank(fields)) setYours(fields);
    const built = example.build(new Date());
    setFields(built);
    setLoaded({ example, fields: built });
  };
  const restore = () => {
    if (yours === undefined) return;
    setFields(yours);
    setYours(undefined);
    setLoaded(undefined);
  };
  const clear = () => {
    setFields(EMPTY);
    setLoaded(undefined);
  };

  const edited = loaded !== undefined && !same(fields, loaded.fields);
  return (
    <div className={styles.diagnose}>
      <p className={styles.privacy}>
        Everything below runs in this browser: nothing you paste is sent anywhere or stored.
      </p>
      <div className={styles.examples}>
        <label htmlFor={`${id}-example`} className={styles.label}>
          Example setup
        </label>
        <div className={styles.row}>
          <select
            id={`${id}-example`}
            className={styles.input}
            value={choice}
            aria-describedby={`${id}-example-hint`}
            onChange={(event) => setChoice(event.target.value)}
          >
            {examplesByGroup().map(([group, examples]) => (
              <optgroup key={group} label={group}>
                {examples.map((example) => (
                  <option key={example.id} value={example.id}>
                    {example.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
          <button type='button' className='button button--sm button--primary' onClick={load}>
            Load example
          </button>
          {yours !== undefined && (
            <button type='button' className='button button--sm button--secondary' onClick={restore}>
              Restore what you pasted
            </button>
          )}
          {!blank(fields) && (
            <button type='button' className='button button--sm button--secondary' onClick={clear}>
              Clear all fields
            </button>
          )}
        </div>
        <p id={`${id}-example-hint`} className={styles.hint}>
          Fills every field with the tutorial&apos;s setup, or with one of the classic mistakes, to
          show what its report looks like. Example tokens are built here with the current time and a
          placeholder signature.
        </p>
        {loaded !== undefined && (
          <p className={styles.explain}>
            <strong>
              {loaded.example.label}
              {edited && ' (edited)'}:
            </strong>{' '}
            {loaded.example.explain}
          </p>
        )}
      </div>
      <Fields fields={fields} onChange={change} />
      <h3 className={styles.heading}>Offline report</h3>
      {result.state === 'ready' && <Report report={result.report} />}
      {result.state === 'empty' && (
        <p role='status' className={styles.hint}>
          Paste a token and a configuration, or load an example, to see the report.
        </p>
      )}
      {result.state === 'error' && (
        <p role='alert' className={styles.danger}>
          The checks stopped with an error: {result.message}
        </p>
      )}
      <h3 className={styles.heading}>Online checks</h3>
      <OnlineCommand config={fields.config} />
    </div>
  );
}
