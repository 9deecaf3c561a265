// The policy generator, loaded on demand: the reader's values and roles in, every IAM and
// Kubernetes file out. Validation and generation are the sandbox core's; this wires form to output.
import type { MouseEvent, ReactNode } from 'react';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { generateArtifacts, validateGeneratorInput } from '@toolhive-aws-sts/sandbox/policy';
import { useYourValues } from '@site/src/components/YourValues/store';
import Artifacts from './Artifacts';
import {
  newRole,
  toGeneratorInput,
  type FormRole,
  type FormState,
  type TopField,
} from './formState';
import { NO_ISSUES, placeIssues, roleField, type FieldId } from './issues';
import { applyReaderValues, initialFormState } from './readerValues';
import RolesFields from './RolesFields';
import ValuesFields from './ValuesFields';
import styles from './styles.module.css';
import panelStyles from '@site/src/components/shared/panel.module.css';

/** How long typing must pause before the files are generated again. */
const GENERATE_AFTER_MS = 150;

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export default function Generator(): ReactNode {
  const baseId = useId();
  const snapshot = useYourValues();
  const [form, setForm] = useState<FormState>(() => initialFormState(snapshot.inUse));
  // Values changed in "Your values" flow in; the reader's other edits here stay.
  const [seenSnapshot, setSeenSnapshot] = useState(snapshot);
  if (seenSnapshot !== snapshot) {
    setSeenSnapshot(snapshot);
    setForm((current) => applyReaderValues(current, seenSnapshot.inUse, snapshot.inUse));
  }
  const [announcement, setAnnouncement] = useState('');
  const addButton = useRef<HTMLButtonElement>(null);
  const focusNext = useRef<string | null>(null);

  // Checking is fast and runs on every change; generating the files (tens of milliseconds) waits
  // for a pause in typing.
  const input = useMemo(() => toGeneratorInput(form), [form]);
  const checked = useMemo(() => validateGeneratorInput(input), [input]);
  const [settledInput, setSettledInput] = useState(input);
  useEffect(() => {
    if (settledInput === input) return;
    const timer = setTimeout(() => setSettledInput(input), GENERATE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [input, settledInput]);
  const generated = useMemo(() => generateArtifacts(settledInput), [settledInput]);
  const issues = useMemo(() => (checked.ok ? NO_ISSUES : placeIssues(checked.issues)), [checked]);

  useEffect(() => {
    if (focusNext.current === null) return;
    document.getElementById(focusNext.current)?.focus();
    focusNext.current = null;
  });

  const idFor = useCallback((field: FieldId) => `${baseId}-${field}`, [baseId]);
  const errorsFor = useCallback((field: FieldId) => issues.byField.get(field), [issues]);
  const edit = (change: (current: FormState) => FormState) => {
    setAnnouncement('');
    setForm(change);
  };
  const setTop = (field: TopField, value: string) =>
    edit((current) => ({ ...current, [field]: value }));
  const setRole = (key: number, patch: Partial<FormRole>) =>
    edit((current) => ({
      ...current,
      roles: current.roles.map((role) => (role.key === key ? { ...role, ...patch } : role)),
    }));
  const addRole = () => {
    focusNext.current = idFor(roleField(form.roles.length, 'name'));
    edit((current) => ({
      ...current,
      roles: [...current.roles, newRole(current.nextKey)],
      nextKey: current.nextKey + 1,
    }));
  };
  const removeRole = (key: number) => {
    addButton.current?.focus();
    edit((current) => ({ ...current, roles: current.roles.filter((role) => role.key !== key) }));
    setAnnouncement('Role removed.');
  };
  const reset = () => {
    setForm(initialFormState(snapshot.inUse));
    setAnnouncement('Values reset to the tutorial and your values.');
  };
  const goTo = (event: MouseEvent<HTMLAnchorElement>, field: FieldId) => {
    event.preventDefault();
    const target = document.getElementById(idFor(field));
    const closed = target?.closest('details');
    if (closed && !closed.open) closed.open = true;
    target?.focus();
  };

  const problems = issues.all.length;
  const status = !checked.ok
    ? `${plural(problems, 'problem', 'problems')} in the values: fix ${problems === 1 ? 'it' : 'them'} to generate the files.`
    : generated.ok
      ? `${plural(Object.keys(generated.files).length, 'file', 'files')} generated from these values.`
      : 'Generating the files…';
  const fromReader = Object.keys(snapshot.inUse).length;
  return (
    <div className={styles.generator}>
      <p className={panelStyles.intro}>
        Starts from the tutorial&apos;s values
        {fromReader > 0 && ` and ${plural(fromReader, 'value', 'values')} from "Your values" above`}
        . Change anything; the files below follow. Nothing leaves your browser.
      </p>
      <h3 className={styles.heading}>Values</h3>
      <ValuesFields form={form} onChange={setTop} idFor={idFor} errorsFor={errorsFor} />
      <h3 className={styles.heading}>Roles</h3>
      <RolesFields
        form={form}
        onFallback={(patch) => edit((current) => ({ ...current, ...patch }))}
        onRole={setRole}
        onAdd={addRole}
        onRemove={removeRole}
        addButton={addButton}
        idFor={idFor}
        errorsFor={errorsFor}
      />
      <div className={styles.actions}>
        <button type='button' className='button button--secondary button--sm' onClick={reset}>
          Reset the generator
        </button>
      </div>
      <div className={checked.ok ? styles.summary : styles.summaryInvalid}>
        <p
          aria-live='polite'
          aria-atomic='true'
          className={checked.ok ? styles.status : styles.statusInvalid}
        >
          {status}
        </p>
        {issues.all.length > 0 && (
          <ul className={styles.issues}>
            {issues.all.map(({ field, message }, index) => (
              <li key={`${index}-${message}`}>
                {field === undefined ? (
                  message
                ) : (
                  <a href={`#${idFor(field)}`} onClick={(event) => goTo(event, field)}>
                    {message}
                  </a>
                )}
              </li>
            ))}
          </ul>
        )}
        {checked.ok && checked.notes.length > 0 && (
          <ul className={styles.notes}>
            {checked.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        )}
      </div>
      <p role='status' className={styles.announcement}>
        {announcement}
      </p>
      {checked.ok && generated.ok ? (
        <Artifacts
          files={generated.files}
          updating={settledInput !== input}
          onAnnounce={setAnnouncement}
        />
      ) : (
        <p className={styles.blocked}>
          {checked.ok
            ? 'Generating the files…'
            : 'No files while the values have problems: they appear again once the values are valid.'}
        </p>
      )}
    </div>
  );
}
