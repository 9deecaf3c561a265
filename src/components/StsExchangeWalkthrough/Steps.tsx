// The walkthrough's steps as an ordered list: token, role, STS request, STS answer, signed MCP
// call. It renders what runExchange reported and computes nothing.
import type { ReactNode } from 'react';
import type {
  Pair,
  ProblemStep,
  RoleStep,
  SigningStep,
  StsRequestStep,
  StsResponseStep,
  TokenStep,
  WalkthroughStep,
} from './engine/types';
import styles from './styles.module.css';

function Code({ label, children }: { label: string; children: string }): ReactNode {
  return (
    <figure className={styles.block}>
      <figcaption className={styles.blockLabel}>{label}</figcaption>
      <pre className={styles.code} tabIndex={0}>
        <code>{children}</code>
      </pre>
    </figure>
  );
}

function Pairs({ caption, pairs }: { caption: string; pairs: readonly Pair[] }): ReactNode {
  return (
    <table className={styles.pairs}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope='col'>Name</th>
          <th scope='col'>Value</th>
        </tr>
      </thead>
      <tbody>
        {pairs.map(([name, value]) => (
          <tr key={name}>
            <th scope='row'>
              <code>{name}</code>
            </th>
            <td>
              <code>{value}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Token({ step }: { step: TokenStep }): ReactNode {
  return (
    <>
      <p>
        {step.source}: <code>{step.shortToken}</code>. Expires {step.expiry}.
      </p>
      <Code label='Header (decoded)'>{JSON.stringify(step.header, null, 2)}</Code>
      <Code label='Claims (decoded)'>{JSON.stringify(step.claims, null, 2)}</Code>
    </>
  );
}

function Role({ step }: { step: RoleStep }): ReactNode {
  return (
    <>
      <p>
        Role: <code>{step.roleArn}</code>
      </p>
      <p>{step.summary}</p>
      {step.trace.length > 0 ? (
        <ul className={styles.trace}>
          {step.trace.map((entry) => (
            <li key={entry.index}>
              {entry.chosen ? <strong>chosen: </strong> : null}
              <code>roleMappings[{entry.index}]</code> {entry.description}: {entry.outcome}.{' '}
              {entry.reason}
            </li>
          ))}
        </ul>
      ) : null}
      <p>
        <code>RoleSessionName</code> = <code>{step.sessionName}</code> (from the{' '}
        <code>{step.sessionClaim}</code> claim), <code>DurationSeconds</code> ={' '}
        {step.durationSeconds}.
      </p>
    </>
  );
}

function StsRequest({ step }: { step: StsRequestStep }): ReactNode {
  return (
    <>
      <p>
        <code>
          {step.method} {step.url}
        </code>
      </p>
      <p className={step.hasAuthorization ? styles.bad : styles.good}>
        {step.hasAuthorization
          ? 'This request carries an Authorization header.'
          : 'No Authorization header: AssumeRoleWithWebIdentity is unsigned, and the token in the body is the only proof of identity.'}
      </p>
      <Pairs caption='Headers set by the AWS SDK' pairs={step.headers} />
      <Pairs caption='Form body (application/x-www-form-urlencoded)' pairs={step.form} />
    </>
  );
}

function StsResponse({ step }: { step: StsResponseStep }): ReactNode {
  const { outcome } = step;
  return (
    <>
      <p>{step.status === undefined ? 'No HTTP response.' : `HTTP ${step.status}`}</p>
      {outcome.ok ? (
        <Pairs
          caption='Temporary credentials (secrets masked)'
          pairs={[
            ['AccessKeyId', outcome.credentials.accessKeyId],
            ['SecretAccessKey', outcome.credentials.secretAccessKey],
            ['SessionToken', outcome.credentials.sessionToken],
            ['Expiration', outcome.credentials.expiration],
            ['AssumedRoleUser', outcome.credentials.assumedRoleArn ?? '(not returned)'],
          ]}
        />
      ) : (
        <div className={styles.failure}>
          <p>
            <strong>
              <code>{outcome.code}</code>
            </strong>
            {outcome.message ? `: ${outcome.message}` : null}
          </p>
          <p>
            <strong>Fix:</strong> {outcome.fix}
          </p>
        </div>
      )}
      {step.explain ? (
        <div className={styles.explain}>
          <p>
            <strong>Why</strong> (the emulator&apos;s explanation; real STS does not say this):{' '}
            {step.explain.detail}
          </p>
          {step.explain.checks.length > 0 ? (
            <ul className={styles.trace}>
              {step.explain.checks.map((check) => (
                <li key={`${check.element}:${check.detail}`}>
                  {check.element}: {check.matched ? 'matched' : 'failed'}. {check.detail}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {step.xml ? <Code label='Response body (XML)'>{step.xml}</Code> : null}
      {step.cliCommand ? (
        <Code label='The same call with the AWS CLI'>{step.cliCommand}</Code>
      ) : null}
    </>
  );
}

function Signing({ step }: { step: SigningStep }): ReactNode {
  return (
    <>
      <p>
        Not sent: this shows what ToolHive would send to{' '}
        <code>
          {step.method} {step.url}
        </code>
        .
      </p>
      <Code label='tools/call body'>{step.body}</Code>
      <Pairs caption='Headers from the MCP client' pairs={step.incoming} />
      <p>
        Removed or replaced before signing: <code>{step.dropped.join(', ')}</code>.
      </p>
      <Code label='Canonical request'>{step.canonicalRequest}</Code>
      <Code label='String to sign'>{step.stringToSign}</Code>
      <Code label='Authorization header'>{`Authorization: ${step.authorization}`}</Code>
      <Pairs caption='Headers ToolHive would send upstream' pairs={step.headers} />
      <p className={styles.good}>
        Same signature as signForUpstream (the proxy&apos;s signer).
        {step.verified ? ` ${step.verified}` : ''}
      </p>
    </>
  );
}

function Problem({ step }: { step: ProblemStep }): ReactNode {
  return (
    <div className={styles.failure}>
      <p>{step.message}</p>
    </div>
  );
}

const TITLES: Record<WalkthroughStep['id'], string> = {
  token: 'The access token',
  role: 'ToolHive picks the role and session name',
  stsRequest: 'The STS request (AssumeRoleWithWebIdentity)',
  stsResponse: 'The STS answer',
  signing: 'The MCP call, signed with SigV4',
  problem: 'Stopped',
};

function Body({ step }: { step: WalkthroughStep }): ReactNode {
  switch (step.id) {
    case 'token':
      return <Token step={step} />;
    case 'role':
      return <Role step={step} />;
    case 'stsRequest':
      return <StsRequest step={step} />;
    case 'stsResponse':
      return <StsResponse step={step} />;
    case 'signing':
      return <Signing step={step} />;
    case 'problem':
      return <Problem step={step} />;
  }
}

/** The steps so far, in order. */
export default function Steps({ steps }: { steps: readonly WalkthroughStep[] }): ReactNode {
  if (steps.length === 0) return null;
  return (
    <ol className={styles.steps} aria-label='Exchange steps'>
      {steps.map((step) => (
        <li key={step.id} className={styles.step}>
          <p className={styles.stepTitle}>{step.id === 'problem' ? step.title : TITLES[step.id]}</p>
          <Body step={step} />
        </li>
      ))}
    </ol>
  );
}
