// The generator's single-valued fields: identity provider, AWS, Kubernetes and the advanced awsSts
// settings. Roles are RolesFields'; the hints describe, the generator's messages judge.
import type { ReactNode } from 'react';
import Field from './Field';
import type { FormState, TopField } from './formState';
import type { FieldId } from './issues';
import styles from './styles.module.css';

/** How a control finds its DOM id and the generator's messages about it. */
export interface FieldBinding {
  idFor: (field: FieldId) => string;
  errorsFor: (field: FieldId) => readonly string[] | undefined;
}

interface Props extends FieldBinding {
  form: FormState;
  onChange: (field: TopField, value: string) => void;
}

interface Spec {
  field: TopField;
  label: string;
  hint: string;
  inputMode?: 'numeric' | 'url';
  multiline?: boolean;
  /** The AWS MCP Server's Regions, with a way to type another. */
  region?: boolean;
  placeholder?: string;
}

const GROUPS: readonly { legend: string; specs: readonly Spec[] }[] = [
  {
    legend: 'Identity provider',
    specs: [
      {
        field: 'issuer',
        label: 'OIDC issuer',
        hint: "Exactly as in your tokens' iss claim, including any path and trailing slash.",
        inputMode: 'url',
      },
      { field: 'audience', label: 'Audience', hint: 'The aud value of the access tokens.' },
    ],
  },
  {
    legend: 'AWS',
    specs: [
      { field: 'accountId', label: 'AWS account ID', hint: '12 digits.', inputMode: 'numeric' },
      {
        field: 'region',
        label: 'AWS region',
        hint: 'A Region where AWS serves the AWS MCP Server; STS and SigV4 use it too.',
        region: true,
      },
    ],
  },
  {
    legend: 'Kubernetes',
    specs: [
      { field: 'namespace', label: 'Namespace', hint: 'Where the ToolHive resources live.' },
      { field: 'domain', label: 'Domain', hint: 'Public host name of the proxy, no https://.' },
    ],
  },
];

const ADVANCED: readonly Spec[] = [
  {
    field: 'roleClaim',
    label: 'Role claim',
    hint: 'The claim that claim values match against. Empty: groups.',
    placeholder: 'groups',
  },
  {
    field: 'sessionNameClaim',
    label: 'Session name claim',
    hint: 'The claim that becomes the STS session name. Empty: sub.',
    placeholder: 'sub',
  },
  {
    field: 'sessionDuration',
    label: 'Session duration (seconds)',
    hint: '900 to 43200. Empty: 3600.',
    inputMode: 'numeric',
    placeholder: '3600',
  },
  {
    field: 'subjectProviderName',
    label: 'Subject provider (Virtual MCP Server only)',
    hint: 'The embedded authorization server’s upstream provider whose token goes to STS. An MCPRemoteProxy ignores it. Empty: left out.',
  },
  {
    field: 'restrictSubjects',
    label: 'Allowed subjects (one per line)',
    hint: "Limits every role's trust policy to these sub values. Empty: any subject.",
    multiline: true,
  },
];

export default function ValuesFields({ form, onChange, idFor, errorsFor }: Props): ReactNode {
  const render = (spec: Spec) =>
    spec.region ? (
      <Field
        key={spec.field}
        id={idFor(spec.field)}
        kind='region'
        label={spec.label}
        hint={spec.hint}
        value={form[spec.field]}
        errors={errorsFor(spec.field)}
        onChange={(value) => onChange(spec.field, value)}
      />
    ) : (
      <Field
        key={spec.field}
        id={idFor(spec.field)}
        kind={spec.multiline ? 'multiline' : 'text'}
        label={spec.label}
        hint={spec.hint}
        value={form[spec.field]}
        placeholder={spec.placeholder}
        inputMode={spec.inputMode}
        errors={errorsFor(spec.field)}
        onChange={(value) => onChange(spec.field, value)}
      />
    );
  const advancedProblems = ADVANCED.reduce(
    (count, spec) => count + (errorsFor(spec.field)?.length ?? 0),
    0
  );
  return (
    <>
      {GROUPS.map((group) => (
        <fieldset key={group.legend} className={styles.group}>
          <legend>{group.legend}</legend>
          <div className={styles.grid}>{group.specs.map(render)}</div>
        </fieldset>
      ))}
      <details className={styles.advanced}>
        <summary>
          Advanced: role claim, session name, duration, subject provider, subjects
          {advancedProblems > 0 &&
            ` (${advancedProblems} ${advancedProblems === 1 ? 'problem' : 'problems'})`}
        </summary>
        <div className={styles.grid}>{ADVANCED.map(render)}</div>
      </details>
    </>
  );
}
