// One labelled control of the generator's form (text, multi-line text, select or the Region
// choice) with its hint and the generator's messages for it. It knows nothing about the values.
import type { ReactNode } from 'react';
import RegionSelect from '@site/src/components/shared/RegionSelect';
import styles from './styles.module.css';
import fieldStyles from '@site/src/components/shared/fields.module.css';

interface Common {
  /** The control's DOM id; the hint and errors use it as a prefix. */
  id: string;
  label: string;
  hint?: ReactNode;
  /** The generator's messages about this control. */
  errors?: readonly string[];
}

interface TextProps extends Common {
  kind?: 'text' | 'multiline';
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  inputMode?: 'numeric' | 'url' | 'text';
}

interface SelectProps extends Common {
  kind: 'select';
  value: string;
  onChange: (value: string) => void;
  options: readonly { value: string; label: string }[];
}

interface RegionProps extends Common {
  kind: 'region';
  value: string;
  onChange: (value: string) => void;
}

type Props = TextProps | SelectProps | RegionProps;

export default function Field(props: Props): ReactNode {
  const { id, label, hint, errors = [] } = props;
  const invalid = errors.length > 0;
  const describedBy =
    [hint !== undefined ? `${id}-hint` : undefined, invalid ? `${id}-error` : undefined]
      .filter(Boolean)
      .join(' ') || undefined;
  const common = {
    id,
    'aria-invalid': invalid,
    'aria-describedby': describedBy,
    className: styles.input,
  };
  let control: ReactNode;
  if (props.kind === 'region') {
    control = (
      <RegionSelect
        id={id}
        value={props.value}
        onChange={props.onChange}
        className={styles.input}
        labelClassName={fieldStyles.label}
        describedBy={describedBy}
        invalid={invalid}
      />
    );
  } else if (props.kind === 'select') {
    control = (
      <select {...common} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    );
  } else {
    const text = {
      ...common,
      value: props.value,
      placeholder: props.placeholder,
      autoComplete: 'off',
      autoCapitalize: 'none',
      autoCorrect: 'off',
      spellCheck: false,
    };
    control =
      props.kind === 'multiline' ? (
        <textarea {...text} rows={3} onChange={(e) => props.onChange(e.target.value)} />
      ) : (
        <input
          {...text}
          type='text'
          inputMode={props.inputMode}
          onChange={(e) => props.onChange(e.target.value)}
        />
      );
  }
  return (
    <div className={fieldStyles.field}>
      <label htmlFor={id} className={fieldStyles.label}>
        {label}
      </label>
      {control}
      {hint !== undefined && (
        <p id={`${id}-hint`} className={fieldStyles.hint}>
          {hint}
        </p>
      )}
      {invalid && (
        <div id={`${id}-error`} className={styles.error}>
          {errors.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      )}
    </div>
  );
}
