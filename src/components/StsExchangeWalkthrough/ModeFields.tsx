// The inputs of each mode: claims and failure switches in the browser, a pasted token for the
// local sandbox, the reader's token, role and region for real AWS. It runs nothing itself.
import type { ReactNode } from 'react';
import { useId } from 'react';
import { SITE_ORIGINS } from '@toolhive-aws-sts/sandbox/sandbox-addresses';
import { DEFAULT_LOCAL_ISSUER } from './engine/constants';
import type { StsMode } from './engine/types';
import styles from './styles.module.css';

/** Everything the reader can enter, for every mode (kept when switching modes). */
export interface FormState {
  claimsJson: string;
  tokenAudience: string;
  tokenExpired: boolean;
  breakTrustAudience: boolean;
  localEndpoint: string;
  localToken: string;
  awsToken: string;
  awsRoleArn: string;
  awsRegion: string;
}

interface Props {
  mode: StsMode;
  form: FormState;
  update: (patch: Partial<FormState>) => void;
  /** The same-origin URL the in-page STS answers on. */
  browserEndpoint: string;
  /** The audience the roles trust when the trust policy is broken. */
  otherAudience: string;
  /** This page's origin (the local replica must allow it). */
  pageOrigin: string;
}

function TextField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  multiline?: boolean;
  placeholder?: string;
}): ReactNode {
  const id = useId();
  const hintId = `${id}-hint`;
  const common = {
    id,
    className: styles.input,
    value: props.value,
    spellCheck: false,
    autoComplete: 'off',
    placeholder: props.placeholder,
    'aria-describedby': props.hint ? hintId : undefined,
  };
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.label}>
        {props.label}
      </label>
      {props.multiline ? (
        <textarea {...common} rows={4} onChange={(e) => props.onChange(e.target.value)} />
      ) : (
        <input {...common} type='text' onChange={(e) => props.onChange(e.target.value)} />
      )}
      {props.hint ? (
        <p id={hintId} className={styles.hint}>
          {props.hint}
        </p>
      ) : null}
    </div>
  );
}

function Check(props: {
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
}): ReactNode {
  return (
    <label className={styles.check}>
      <input
        type='checkbox'
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
      />{' '}
      {props.label}
    </label>
  );
}

function BrowserFields({ form, update, browserEndpoint, otherAudience }: Props): ReactNode {
  return (
    <>
      <p className={styles.note}>
        Everything runs in this page: an issuer here signs the token, and the sandbox&apos;s STS
        emulator answers in a service worker at <code>{browserEndpoint}</code>, against an account
        holding the tutorial&apos;s OIDC provider and roles. Nothing is sent to any other host.
      </p>
      <TextField
        label='Token claims (JSON)'
        multiline
        value={form.claimsJson}
        onChange={(claimsJson) => update({ claimsJson })}
        hint='The issuer adds iss, aud, iat and exp. Remove "s3-readers" from groups to get the fallback role.'
      />
      <TextField
        label='Token audience'
        value={form.tokenAudience}
        onChange={(tokenAudience) => update({ tokenAudience })}
        hint='The OIDC provider accepts only the tutorial audience; change it to see STS reject the token.'
      />
      <fieldset className={styles.switches}>
        <legend className={styles.label}>Make it fail</legend>
        <Check
          label='Token expired (exp an hour ago)'
          checked={form.tokenExpired}
          onChange={(tokenExpired) => update({ tokenExpired })}
        />
        <Check
          label={
            <>
              Break the trust policy&apos;s audience (the roles trust <code>{otherAudience}</code>)
            </>
          }
          checked={form.breakTrustAudience}
          onChange={(breakTrustAudience) => update({ breakTrustAudience })}
        />
      </fieldset>
    </>
  );
}

function LocalFields({ form, update, pageOrigin }: Props): ReactNode {
  const listed = SITE_ORIGINS.includes(pageOrigin);
  return (
    <>
      <p className={styles.note}>
        Uses the local replica you start with <code>npm run sandbox</code> in a clone of this
        repository. The token and the request go to that URL only.
        {listed ? null : (
          <>
            {' '}
            The replica accepts browser calls from <code>npm start</code>&apos;s origins; for this
            page, start it with <code>npm run sandbox -- --allowed-origin {pageOrigin}</code>.
          </>
        )}
      </p>
      <TextField
        label='STS emulator URL'
        value={form.localEndpoint}
        onChange={(localEndpoint) => update({ localEndpoint })}
      />
      <TextField
        label='Token (JWT)'
        multiline
        value={form.localToken}
        onChange={(localToken) => update({ localToken })}
        placeholder='eyJ…'
        hint={
          <>
            Print one with{' '}
            <code>npm run cli -- token --issuer {DEFAULT_LOCAL_ISSUER} --user alice</code>.
          </>
        }
      />
    </>
  );
}

function AwsFields({ form, update }: Props): ReactNode {
  const region = form.awsRegion.trim() || '<region>';
  return (
    <>
      <div className={styles.warning} role='note'>
        <p>
          <strong>This sends your token to AWS STS</strong> at{' '}
          <code>https://sts.{region}.amazonaws.com/</code> and nowhere else. Nothing is stored: the
          fields clear when you leave the page. Prefer a short-lived token.
        </p>
        <p>
          STS accepts calls from web pages (CORS), and <code>AssumeRoleWithWebIdentity</code> needs
          no AWS credentials. If your browser blocks the request anyway, the walkthrough shows the
          equivalent AWS CLI command.
        </p>
      </div>
      <TextField
        label='Token (JWT)'
        multiline
        value={form.awsToken}
        onChange={(awsToken) => update({ awsToken })}
        placeholder='eyJ…'
      />
      <TextField
        label='Role ARN'
        value={form.awsRoleArn}
        onChange={(awsRoleArn) => update({ awsRoleArn })}
        placeholder='arn:aws:iam::123456789012:role/DefaultMCPRole'
      />
      <TextField
        label='Region'
        value={form.awsRegion}
        onChange={(awsRegion) => update({ awsRegion })}
      />
    </>
  );
}

/** The fields of the selected mode. */
export default function ModeFields(props: Props): ReactNode {
  if (props.mode === 'browser') return <BrowserFields {...props} />;
  if (props.mode === 'local') return <LocalFields {...props} />;
  return <AwsFields {...props} />;
}
