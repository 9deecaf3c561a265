// The "Your values" form, loaded on demand: inputs, live validation, storage, share link, reset.
// It publishes substitutions to the store; the rules come from checkValues (the sandbox core).
import type { ReactNode } from 'react';
import { useEffect, useId, useMemo, useState } from 'react';
import { useHistory, useLocation } from '@docusaurus/router';
import { checkYourValues, EMPTY_VALUES, type FieldCheck, type RawValues } from './checkValues';
import RegionSelect from '@site/src/components/shared/RegionSelect';
import { FIELD_GROUPS, type FieldSpec } from './fields';
import {
  publishYourValues,
  readStoredYourValues,
  VALUE_KEYS,
  writeStoredYourValues,
  type ValueKey,
} from './store';
import styles from './styles.module.css';
import fieldStyles from '@site/src/components/shared/fields.module.css';
import panelStyles from '@site/src/components/shared/panel.module.css';

/** Values from a share link win over stored ones; otherwise what this browser kept. */
function initialValues(): RawValues {
  const params = new URLSearchParams(window.location.search);
  if (VALUE_KEYS.some((key) => params.has(key))) {
    return { ...EMPTY_VALUES, ...pick((key) => params.get(key)) };
  }
  return { ...EMPTY_VALUES, ...readStoredYourValues()?.values };
}

function pick(read: (key: ValueKey) => unknown): Partial<RawValues> {
  const values: Partial<RawValues> = {};
  for (const key of VALUE_KEYS) {
    const value = read(key);
    if (typeof value === 'string') values[key] = value;
  }
  return values;
}

function shareLink(values: RawValues): string {
  const url = new URL(window.location.href);
  url.hash = '';
  for (const key of VALUE_KEYS) {
    const value = values[key].trim();
    if (value === '') url.searchParams.delete(key);
    else url.searchParams.set(key, value);
  }
  return url.toString();
}

export default function YourValuesPanel(): ReactNode {
  const history = useHistory();
  const location = useLocation();
  const [values, setValues] = useState<RawValues>(initialValues);
  const [announcement, setAnnouncement] = useState('');
  const check = useMemo(() => checkYourValues(values), [values]);
  const id = useId();

  // A share link's values are now stored; drop them from the address so edits survive reload.
  useEffect(() => {
    const params = new URLSearchParams(location.search);
    if (!VALUE_KEYS.some((key) => params.has(key))) return;
    VALUE_KEYS.forEach((key) => params.delete(key));
    const search = params.toString();
    history.replace({ ...location, search: search === '' ? '' : `?${search}` });
  }, [history, location]);

  useEffect(() => {
    const entered = pick((key) => values[key].trim() || undefined);
    writeStoredYourValues({ values: entered, snapshot: check.snapshot });
    publishYourValues(check.snapshot);
  }, [values, check]);

  const update = (key: keyof RawValues, value: string) => {
    setAnnouncement('');
    setValues((current) => ({ ...current, [key]: value }));
  };
  const reset = () => {
    setValues({ ...EMPTY_VALUES });
    setAnnouncement('Values reset: the code shows the placeholders again.');
  };
  const link = shareLink(values);
  const copyLink = () => {
    navigator.clipboard.writeText(link).then(
      () => setAnnouncement('Share link copied.'),
      () => setAnnouncement('Could not copy: select the link and copy it.')
    );
  };

  const { entered, invalid } = check.snapshot;
  const summary =
    entered === 0
      ? 'No values entered: the code shows the placeholders.'
      : `${entered - invalid} of your values ${entered - invalid === 1 ? 'is' : 'are'} in the code.` +
        (invalid > 0
          ? ` ${invalid} invalid ${invalid === 1 ? 'value is' : 'values are'} not used.`
          : '');

  return (
    <div className={styles.form}>
      <p className={panelStyles.intro}>
        Type your values, and every command and file on this page uses them. Empty fields keep the
        placeholder or the tutorial&apos;s default. The values stay in this browser; nothing is sent
        anywhere.
      </p>
      {FIELD_GROUPS.map((group) => (
        <fieldset key={group.legend} className={fieldStyles.group}>
          <legend>{group.legend}</legend>
          <div className={styles.grid}>
            {group.fields.map((field) => (
              <Field
                key={field.key}
                id={`${id}-${field.key}`}
                field={field}
                value={values[field.key]}
                check={check.fields[field.key]}
                onChange={(value) => update(field.key, value)}
              />
            ))}
          </div>
        </fieldset>
      ))}
      {check.general.length > 0 && (
        <ul className={styles.general}>
          {check.general.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
      <div className={styles.actions}>
        <label htmlFor={`${id}-share`} className={styles.shareLabel}>
          Share link
        </label>
        <input
          id={`${id}-share`}
          className={styles.shareInput}
          type='text'
          readOnly
          value={link}
          aria-describedby={`${id}-share-hint`}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type='button' className='button button--secondary button--sm' onClick={copyLink}>
          Copy share link
        </button>
        <button type='button' className='button button--secondary button--sm' onClick={reset}>
          Reset
        </button>
        <p id={`${id}-share-hint`} className={styles.shareHint}>
          The link carries only the values above, never a token.
        </p>
      </div>
      <p role='status' className={styles.status}>
        {summary}
        {announcement !== '' && ` ${announcement}`}
      </p>
    </div>
  );
}

interface FieldProps {
  id: string;
  field: FieldSpec;
  value: string;
  check: FieldCheck;
  onChange: (value: string) => void;
}

function Field({ id, field, value, check, onChange }: FieldProps): ReactNode {
  const invalid = check.status === 'invalid';
  const describedBy = [
    `${id}-hint`,
    invalid ? `${id}-error` : undefined,
    check.note && `${id}-note`,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={fieldStyles.field}>
      <label htmlFor={id} className={fieldStyles.label}>
        {field.label}
      </label>
      {field.key === 'region' ? (
        <RegionSelect
          id={id}
          value={value}
          onChange={onChange}
          className={styles.input}
          labelClassName={fieldStyles.label}
          describedBy={describedBy}
          invalid={invalid}
          emptyLabel={`Keep the tutorial's ${field.replaces}`}
        />
      ) : (
        <input
          id={id}
          className={styles.input}
          type='text'
          value={value}
          placeholder={field.example}
          inputMode={field.inputMode}
          autoComplete='off'
          autoCapitalize='none'
          autoCorrect='off'
          spellCheck={false}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
      <p id={`${id}-hint`} className={fieldStyles.hint}>
        {field.hint} Replaces <code>{field.replaces}</code>.
      </p>
      {invalid && (
        <p id={`${id}-error`} className={styles.error}>
          {check.message}
        </p>
      )}
      {check.note && (
        <p id={`${id}-note`} className={styles.note}>
          {check.note}
        </p>
      )}
    </div>
  );
}
