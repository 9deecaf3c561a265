// The four things a reader pastes: the access token, the configuration, the trust policy (or
// `aws iam get-role` output) and any number of permission policies. It holds no state of its own
// and never sends or stores what is typed.
import type { ReactNode } from 'react';
import { useId } from 'react';
import type { DiagnoseFields } from './engine/examples';
import styles from './styles.module.css';

interface Props {
  fields: DiagnoseFields;
  onChange: (patch: Partial<DiagnoseFields>) => void;
}

interface AreaProps {
  id: string;
  label: string;
  hint: ReactNode;
  rows: number;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  /** Wrap long lines (a token has no line breaks of its own). */
  wrap?: boolean;
}

function Area(props: AreaProps): ReactNode {
  const { id, label, hint, rows, value, onChange, placeholder, wrap } = props;
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      <p id={`${id}-hint`} className={styles.hint}>
        {hint}
      </p>
      <textarea
        id={id}
        className={`${styles.code}${wrap ? ` ${styles.wrap}` : ''}`}
        rows={rows}
        value={value}
        placeholder={placeholder}
        spellCheck={false}
        autoComplete='off'
        autoCapitalize='none'
        autoCorrect='off'
        aria-describedby={`${id}-hint`}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}

export default function Fields({ fields, onChange }: Props): ReactNode {
  const id = useId();
  const policies = fields.permissionPolicies.length > 0 ? fields.permissionPolicies : [''];
  const setPolicy = (index: number, text: string) =>
    onChange({ permissionPolicies: policies.map((old, i) => (i === index ? text : old)) });
  return (
    <div className={styles.fields}>
      <Area
        id={`${id}-token`}
        label='Access token'
        hint={
          <>
            A user&apos;s access token (a JWT) from your identity provider. It is decoded in this
            browser; the report names it only by the first 8 hex digits of its SHA-256.
          </>
        }
        rows={4}
        value={fields.token}
        placeholder='eyJhbGciOiJSUzI1NiIs…'
        wrap
        onChange={(token) => onChange({ token })}
      />
      <Area
        id={`${id}-config`}
        label='Configuration'
        hint={
          <>
            YAML: the MCPExternalAuthConfig, and the MCPOIDCConfig and MCPRemoteProxy as further
            documents (separated by <code>---</code>) to check the token&apos;s issuer and audience
            against them too.
          </>
        }
        rows={12}
        value={fields.config}
        onChange={(config) => onChange({ config })}
      />
      <Area
        id={`${id}-trust`}
        label='Trust policy (optional)'
        hint={
          <>
            The trust policy of the role this token maps to, or the JSON output of{' '}
            <code>aws iam get-role --role-name NAME</code>, which also checks the role&apos;s
            maximum session duration.
          </>
        }
        rows={8}
        value={fields.trustPolicy}
        onChange={(trustPolicy) => onChange({ trustPolicy })}
      />
      {policies.map((text, index) => (
        // Policies have no identity beyond their place in the list (the fields are controlled).
        <div key={index} className={styles.field}>
          <Area
            id={`${id}-policy-${index}`}
            label={`Permission policy ${index + 1} (optional)`}
            hint={
              <>
                A permission policy of that role, or the output of{' '}
                <code>aws iam get-role-policy</code> or <code>aws iam get-policy-version</code>.
              </>
            }
            rows={8}
            value={text}
            onChange={(value) => setPolicy(index, value)}
          />
          {policies.length > 1 && (
            <button
              type='button'
              className={`button button--sm button--secondary ${styles.start}`}
              onClick={() =>
                onChange({ permissionPolicies: policies.filter((_, i) => i !== index) })
              }
            >
              Remove permission policy {index + 1}
            </button>
          )}
        </div>
      ))}
      <button
        type='button'
        className={`button button--sm button--secondary ${styles.start}`}
        onClick={() => onChange({ permissionPolicies: [...policies, ''] })}
      >
        Add a permission policy
      </button>
    </div>
  );
}
