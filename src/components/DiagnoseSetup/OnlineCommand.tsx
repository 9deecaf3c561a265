// The checks a browser cannot make, as a `doctor` command to copy: the reader picks the online
// checks, the proxy URL comes from their MCPRemoteProxy unless they type another. The command
// names the token only as "$TOKEN"; nothing here runs it.
import type { ReactNode } from 'react';
import { useId, useState } from 'react';
import CodeBlock from '@theme/CodeBlock';
import { CONFIG_FILE, isHttpUrl, onlineCommand, proxyUrlOf } from './engine/onlineCommand';
import styles from './styles.module.css';

interface Props {
  /** The pasted configuration, for its proxy URL. */
  config: string;
}

export default function OnlineCommand({ config }: Props): ReactNode {
  const id = useId();
  const [aws, setAws] = useState(true);
  const [exchange, setExchange] = useState(false);
  /** What the reader typed; undefined follows the configuration. */
  const [typedUrl, setTypedUrl] = useState<string | undefined>(undefined);
  const proxyUrl = typedUrl ?? proxyUrlOf(config) ?? '';
  const badUrl = proxyUrl.trim() !== '' && !isHttpUrl(proxyUrl.trim());
  const command = onlineCommand({ aws, exchange, proxyUrl });

  return (
    <div className={styles.online}>
      <fieldset className={styles.group}>
        <legend>What doctor checks</legend>
        <p className={styles.hint}>
          doctor always fetches the issuer&apos;s discovery document and keys (the{' '}
          <code>discovery</code> and <code>jwks</code> links). Add:
        </p>
        <div className={styles.inline}>
          <input
            id={`${id}-aws`}
            type='checkbox'
            checked={aws}
            onChange={(event) => setAws(event.target.checked)}
          />
          <label htmlFor={`${id}-aws`}>
            <code>--aws</code>: read the IAM OIDC provider, the roles and their policies with your
            AWS credentials (read-only calls)
          </label>
        </div>
        <div className={styles.inline}>
          <input
            id={`${id}-exchange`}
            type='checkbox'
            checked={exchange}
            onChange={(event) => setExchange(event.target.checked)}
          />
          <label htmlFor={`${id}-exchange`}>
            <code>--exchange</code>: call AssumeRoleWithWebIdentity with the token, as ToolHive
            does, and name STS&apos;s answer
          </label>
        </div>
        <div className={styles.field}>
          <label htmlFor={`${id}-proxy`} className={styles.label}>
            Proxy URL (<code>--proxy</code>)
          </label>
          <p id={`${id}-proxy-hint`} className={styles.hint}>
            The MCP endpoint clients use; taken from the MCPRemoteProxy&apos;s{' '}
            <code>resourceUrl</code> when you paste it. Empty: the proxy isn&apos;t checked.
          </p>
          <input
            id={`${id}-proxy`}
            className={styles.input}
            type='url'
            value={proxyUrl}
            placeholder='https://mcp.example.com/mcp'
            autoComplete='off'
            spellCheck={false}
            aria-invalid={badUrl}
            aria-describedby={`${id}-proxy-hint${badUrl ? ` ${id}-proxy-error` : ''}`}
            onChange={(event) => setTypedUrl(event.target.value)}
          />
          {badUrl && (
            <p id={`${id}-proxy-error`} className={styles.danger}>
              Not an http(s) URL, so the command leaves <code>--proxy</code> out.
            </p>
          )}
        </div>
      </fieldset>
      <p className={styles.hint}>
        Run it from a clone of this site&apos;s repository (after <code>npm install</code>), with
        the configuration saved as <code>{CONFIG_FILE}</code> and the access token in{' '}
        <code>$TOKEN</code>. The token goes in through standard input, so it stays out of your shell
        history.
      </p>
      <CodeBlock language='bash' title='Run the online checks'>
        {command}
      </CodeBlock>
    </div>
  );
}
