// The playground's live result (role="status", named "Selected role"): the role, where it came
// from, every mapping's trace and the session name. It only renders what evaluate.ts computed.
import type { ReactNode } from 'react';
import type { MappingOutcome, TraceEntry } from '@toolhive-aws-sts/sandbox/roles';
import type { ClaimsState, ConfigState, Outcome, SessionState } from './evaluate';
import styles from './styles.module.css';

const OUTCOME_WORDS: Record<MappingOutcome, string> = {
  matched: 'matched',
  'not-matched': 'not matched',
  error: 'evaluation error',
};

interface Props {
  config: ConfigState;
  claims: ClaimsState;
  outcome: Outcome | undefined;
}

export default function Result({ config, claims, outcome }: Props): ReactNode {
  return (
    <div role='status' aria-label='Selected role' className={styles.result}>
      <ResultBody config={config} claims={claims} outcome={outcome} />
    </div>
  );
}

function ResultBody({ config, claims, outcome }: Props): ReactNode {
  if (!config.ok) {
    const count = config.issues.length;
    return (
      <p className={styles.verdict}>
        No role: the configuration has {count} {count === 1 ? 'problem' : 'problems'} (listed under
        the configuration editor), so ToolHive would refuse it.
      </p>
    );
  }
  if (!claims.ok) {
    return <p className={styles.verdict}>No role: {claims.message}</p>;
  }
  if (outcome === undefined) return null;
  if (!outcome.ok) {
    return <p className={styles.verdict}>No role: {outcome.message}</p>;
  }
  const { evaluation, summary, session } = outcome;
  const source = evaluation.matched
    ? `roleMappings[${evaluation.matched.index}]`
    : evaluation.fallback
      ? 'fallbackRoleArn (no mapping matched)'
      : 'none';
  return (
    <>
      <dl className={styles.facts}>
        <dt>Role</dt>
        <dd>
          {evaluation.roleArn === null ? (
            <strong>None: ToolHive answers 403 Failed to determine IAM role</strong>
          ) : (
            <code className={styles.arn}>{evaluation.roleArn}</code>
          )}
        </dd>
        <dt>From</dt>
        <dd>{source}</dd>
        <dt>Session name</dt>
        <dd>
          <SessionLine session={session} reached={evaluation.roleArn !== null} />
        </dd>
      </dl>
      <p className={styles.summary}>{summary}</p>
      {evaluation.trace.length > 0 && (
        <ul className={styles.trace} aria-label='Mappings, in configuration order'>
          {evaluation.trace.map((entry) => (
            <TraceLine key={entry.index} entry={entry} />
          ))}
        </ul>
      )}
    </>
  );
}

function TraceLine({ entry }: { entry: TraceEntry }): ReactNode {
  const priority = entry.priority === null ? 'priority unset' : `priority ${entry.priority}`;
  return (
    <li className={styles.traceEntry} data-outcome={entry.outcome}>
      <span className={styles.outcome}>
        {OUTCOME_WORDS[entry.outcome]}
        {entry.chosen && ', chosen'}
      </span>{' '}
      <code>roleMappings[{entry.index}]</code> {entry.description} ({priority}): {entry.reason}
    </li>
  );
}

function SessionLine({ session, reached }: { session: SessionState; reached: boolean }): ReactNode {
  const prefix = reached ? '' : 'Not reached (the request already failed with 403). ';
  if (session.ok) {
    return (
      <>
        {prefix}
        <code>{session.sessionName}</code> (from claim <code>{session.claim}</code>)
      </>
    );
  }
  return (
    <>
      {prefix}
      <strong>Rejected ({session.code}):</strong> {session.message}
    </>
  );
}
