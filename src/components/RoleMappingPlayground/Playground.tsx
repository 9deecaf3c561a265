// The role-mapping playground, loaded on demand: edit the awsSts config or the claims (or paste a
// token) and watch the selected role. Selection and validation run in the sandbox core.
import type { ReactNode } from 'react';
import { useId, useMemo, useRef, useState } from 'react';
import { readClaims, readConfig, selectRoleFor } from './evaluate';
import { PRESETS, type Preset } from './presets';
import Result from './Result';
import TokenField from './TokenField';
import panelStyles from '@site/src/components/shared/panel.module.css';
import styles from './styles.module.css';

const [FIRST_PRESET] = PRESETS;

function claimsText(claims: Record<string, unknown>): string {
  return JSON.stringify(claims, null, 2);
}

/** The character offset of a 1-based line and column in `text`. */
function offsetOf(text: string, line: number, column: number): number {
  const lines = text.split('\n').slice(0, line - 1);
  return lines.reduce((sum, current) => sum + current.length + 1, 0) + Math.max(column - 1, 0);
}

export default function Playground(): ReactNode {
  const id = useId();
  const [preset, setPreset] = useState<Preset | undefined>(FIRST_PRESET);
  const [edited, setEdited] = useState(false);
  const [configText, setConfigText] = useState(FIRST_PRESET?.config ?? '');
  const [claimsSource, setClaimsSource] = useState(claimsText(FIRST_PRESET?.claims ?? {}));
  const [tokenKey, setTokenKey] = useState(0);
  const configRef = useRef<HTMLTextAreaElement>(null);

  const config = useMemo(() => readConfig(configText), [configText]);
  const claims = useMemo(() => readClaims(claimsSource), [claimsSource]);
  const outcome = useMemo(
    () => (config.ok && claims.ok ? selectRoleFor(config.config, claims.claims) : undefined),
    [config, claims]
  );

  const choose = (next: Preset) => {
    setPreset(next);
    setEdited(false);
    setConfigText(next.config);
    setClaimsSource(claimsText(next.claims));
    setTokenKey((key) => key + 1);
  };
  const goTo = (line: number, column: number) => {
    const editor = configRef.current;
    if (!editor) return;
    const offset = offsetOf(configText, line, column);
    editor.focus();
    editor.setSelectionRange(offset, offset);
  };

  const configIssuesId = `${id}-config-issues`;
  const claimsErrorId = `${id}-claims-error`;
  return (
    <div className={panelStyles.box}>
      <div className={styles.presets} role='group' aria-labelledby={`${id}-presets`}>
        <span id={`${id}-presets`} className={styles.presetsLabel}>
          Presets:
        </span>
        {PRESETS.map((entry) => (
          <button
            key={entry.id}
            type='button'
            className={`button button--sm ${entry === preset ? 'button--primary' : 'button--secondary'}`}
            aria-pressed={entry === preset}
            onClick={() => choose(entry)}
          >
            {entry.label}
          </button>
        ))}
      </div>
      {preset && (
        <p className={styles.explain}>
          <strong>
            {preset.label}
            {edited && ' (edited)'}:
          </strong>{' '}
          {preset.explain}
        </p>
      )}
      <div className={styles.editor}>
        <label htmlFor={`${id}-claims`} className={styles.label}>
          Claims
        </label>
        <p id={`${id}-claims-hint`} className={styles.hint}>
          JSON: the payload of the access token.
        </p>
        <textarea
          id={`${id}-claims`}
          className={styles.code}
          rows={10}
          value={claimsSource}
          spellCheck={false}
          autoComplete='off'
          autoCapitalize='none'
          autoCorrect='off'
          aria-invalid={!claims.ok}
          aria-describedby={`${id}-claims-hint${claims.ok ? '' : ` ${claimsErrorId}`}`}
          onChange={(event) => {
            setClaimsSource(event.target.value);
            setEdited(true);
          }}
        />
        {!claims.ok && (
          <p id={claimsErrorId} className={styles.error}>
            {claims.message}
          </p>
        )}
        <TokenField
          key={tokenKey}
          onClaims={(decoded) => {
            setClaimsSource(claimsText(decoded));
            setEdited(true);
          }}
        />
      </div>
      <Result config={config} claims={claims} outcome={outcome} />
      <div className={styles.editor}>
        <label htmlFor={`${id}-config`} className={styles.label}>
          awsSts configuration
        </label>
        <p id={`${id}-config-hint`} className={styles.hint}>
          YAML: an MCPExternalAuthConfig, or just its awsSts object.
        </p>
        <textarea
          id={`${id}-config`}
          ref={configRef}
          className={styles.code}
          rows={19}
          value={configText}
          spellCheck={false}
          autoComplete='off'
          autoCapitalize='none'
          autoCorrect='off'
          aria-invalid={!config.ok}
          aria-describedby={`${id}-config-hint${config.ok ? '' : ` ${configIssuesId}`}`}
          onChange={(event) => {
            setConfigText(event.target.value);
            setEdited(true);
          }}
        />
        {config.ok ? (
          config.warnings.map((warning) => (
            <p key={warning} className={styles.hint}>
              Note: {warning}
            </p>
          ))
        ) : (
          <ul id={configIssuesId} className={styles.issues}>
            {config.issues.map((issue, index) => (
              <li key={`${issue.path}-${index}`}>
                {issue.line !== undefined && (
                  <button
                    type='button'
                    className={styles.linkButton}
                    onClick={() => goTo(issue.line ?? 1, issue.column ?? 1)}
                  >
                    Line {issue.line}
                    {issue.column !== undefined && `, column ${issue.column}`}
                  </button>
                )}{' '}
                {issue.path !== '' && <code>{issue.path}</code>} {issue.message}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
