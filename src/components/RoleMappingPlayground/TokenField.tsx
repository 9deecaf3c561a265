// The "Token (JWT)" field: decodes a pasted token's payload locally with jose's decodeJwt.
// It never sends, stores or verifies the token; the claims go to the playground's editor.
import type { ReactNode } from 'react';
import { useId, useState } from 'react';
import { decodeJwt } from 'jose';
import styles from './styles.module.css';

interface Props {
  onClaims: (claims: Record<string, unknown>) => void;
}

export default function TokenField({ onClaims }: Props): ReactNode {
  const id = useId();
  const [token, setToken] = useState('');
  const [message, setMessage] = useState('');
  const [failed, setFailed] = useState(false);

  const decode = (value: string) => {
    setToken(value);
    const compact = value.trim().replace(/^Bearer\s+/i, '');
    if (compact === '') {
      setMessage('');
      setFailed(false);
      return;
    }
    try {
      const claims = decodeJwt(compact);
      onClaims(claims);
      setFailed(false);
      setMessage(
        `Decoded ${Object.keys(claims).length} claims into the Claims editor (signature not checked).`
      );
    } catch (error) {
      setFailed(true);
      setMessage(`Not a JWT: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  return (
    <div className={styles.token}>
      <label htmlFor={`${id}-token`} className={styles.label}>
        Token (JWT)
      </label>
      <p id={`${id}-token-hint`} className={styles.hint}>
        Optional: paste an access token to use its claims. It is decoded here, in your browser, with
        jose&apos;s decodeJwt. It is never sent anywhere or stored.
      </p>
      <textarea
        id={`${id}-token`}
        className={styles.code}
        rows={3}
        value={token}
        spellCheck={false}
        autoComplete='off'
        autoCapitalize='none'
        autoCorrect='off'
        aria-invalid={failed}
        aria-describedby={`${id}-token-hint ${id}-token-result`}
        onChange={(event) => decode(event.target.value)}
      />
      <p
        id={`${id}-token-result`}
        className={failed ? styles.error : styles.hint}
        aria-live='polite'
      >
        {message}
      </p>
      {token !== '' && (
        <button
          type='button'
          className='button button--sm button--secondary'
          onClick={() => decode('')}
        >
          Clear token
        </button>
      )}
    </div>
  );
}
