// The walkthrough's form and results: where STS runs, the mode's inputs, the "Exchange token"
// button, a live announcement and the steps. The exchange code loads on the first click.
import type { ReactNode } from 'react';
import { useCallback, useId, useRef, useState } from 'react';
import useBaseUrl from '@docusaurus/useBaseUrl';
import { PLACEHOLDERS } from '@toolhive-aws-sts/sandbox/tutorial';
import { useMockWorkerLocation } from '@site/src/mocks/workerLocation';
import { DEFAULT_LOCAL_STS_URL, IN_PAGE_STS_PATH, OTHER_AUDIENCE } from './engine/constants';
import type { ExchangeInputs, ExchangeProgress, StsMode } from './engine/types';
import ModeFields, { type FormState } from './ModeFields';
import Steps from './Steps';
import styles from './styles.module.css';

const MODES: { value: StsMode; label: string; hint: string }[] = [
  {
    value: 'browser',
    label: 'In the browser',
    hint: 'an emulator in this page; nothing leaves it',
  },
  { value: 'local', label: 'Local sandbox', hint: 'the STS emulator of npm run sandbox' },
  { value: 'aws', label: 'Real AWS', hint: 'your token and role, sent to AWS STS' },
];

const AUDIENCE = PLACEHOLDERS.find((p) => p.token === '<AUDIENCE>')?.example ?? 'toolhive-aws';

const INITIAL_FORM: FormState = {
  claimsJson: JSON.stringify(
    { sub: 'alice@example.com', email: 'alice@example.com', groups: ['s3-readers'] },
    null,
    2
  ),
  tokenAudience: AUDIENCE,
  tokenExpired: false,
  breakTrustAudience: false,
  localEndpoint: DEFAULT_LOCAL_STS_URL,
  localToken: '',
  awsToken: '',
  awsRoleArn: '',
  awsRegion: 'us-east-1',
};

const IDLE: ExchangeProgress = { steps: [], announcement: '', done: true };

export default function Walkthrough(): ReactNode {
  const titleId = useId();
  const [mode, setMode] = useState<StsMode>('browser');
  const [form, setForm] = useState<FormState>(INITIAL_FORM);
  const [progress, setProgress] = useState<ExchangeProgress>(IDLE);
  const [running, setRunning] = useState(false);
  const runId = useRef(0);
  const worker = useMockWorkerLocation();
  const stsPath = useBaseUrl(IN_PAGE_STS_PATH);
  const browserEndpoint = new URL(stsPath, window.location.origin).href;

  const update = useCallback((patch: Partial<FormState>) => {
    setForm((current) => ({ ...current, ...patch }));
  }, []);

  const chooseMode = (next: StsMode) => {
    runId.current += 1;
    setMode(next);
    setRunning(false);
    setProgress(IDLE);
  };

  const inputs = (): ExchangeInputs => {
    if (mode === 'browser') {
      return {
        mode,
        claimsJson: form.claimsJson,
        tokenAudience: form.tokenAudience,
        tokenExpired: form.tokenExpired,
        breakTrustAudience: form.breakTrustAudience,
        stsEndpoint: browserEndpoint,
        worker,
      };
    }
    if (mode === 'local') {
      return { mode, token: form.localToken, stsEndpoint: form.localEndpoint.trim() };
    }
    return { mode, token: form.awsToken, roleArn: form.awsRoleArn, region: form.awsRegion };
  };

  const exchange = async () => {
    if (running) return;
    const id = ++runId.current;
    setRunning(true);
    const current = (next: ExchangeProgress) => {
      if (runId.current === id) setProgress(next);
    };
    current({ steps: [], announcement: 'Starting the exchange…', done: false });
    try {
      const { runExchange } = await import('./engine/runExchange');
      await runExchange(inputs(), current);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      current({
        steps: [{ id: 'problem', title: 'Could not load the exchange code', message }],
        announcement: `Could not load the exchange code: ${message}`,
        done: true,
      });
    } finally {
      if (runId.current === id) setRunning(false);
    }
  };

  return (
    <section className={styles.walkthrough} aria-labelledby={titleId}>
      <p id={titleId} className={styles.title}>
        STS exchange walkthrough
      </p>
      <fieldset className={styles.modes}>
        <legend className={styles.label}>Where STS runs</legend>
        {MODES.map((option) => (
          <label key={option.value} className={styles.mode}>
            <input
              type='radio'
              name={`${titleId}-mode`}
              value={option.value}
              checked={mode === option.value}
              onChange={() => chooseMode(option.value)}
            />{' '}
            {option.label} <span className={styles.hint}>({option.hint})</span>
          </label>
        ))}
      </fieldset>
      <ModeFields
        mode={mode}
        form={form}
        update={update}
        browserEndpoint={browserEndpoint}
        otherAudience={OTHER_AUDIENCE}
        pageOrigin={window.location.origin}
      />
      <div className={styles.actions}>
        <button
          type='button'
          className='button button--primary'
          aria-disabled={running}
          onClick={() => void exchange()}
        >
          Exchange token
        </button>
      </div>
      <p role='status' className={styles.status}>
        {progress.announcement}
      </p>
      <Steps steps={progress.steps} />
    </section>
  );
}
