// One generated file: its path, Copy and Download buttons, and the text highlighted in the site's
// code theme. It reports what happened through `onAnnounce`; it does not generate anything.
import type { ReactNode } from 'react';
import { memo, useId } from 'react';
import { Highlight } from 'prism-react-renderer';
import { usePrismTheme } from '@docusaurus/theme-common';
import { downloadName } from './artifactTabs';
import { downloadText } from './download';
import styles from './styles.module.css';

interface Props {
  path: string;
  text: string;
  onAnnounce: (message: string) => void;
}

const LANGUAGES: Record<string, string> = {
  json: 'json',
  sh: 'bash',
  yaml: 'yaml',
  md: 'markdown',
};

function languageOf(path: string): string {
  return LANGUAGES[path.slice(path.lastIndexOf('.') + 1)] ?? 'text';
}

function FileView({ path, text, onAnnounce }: Props): ReactNode {
  const id = useId();
  const theme = usePrismTheme();
  const name = downloadName(path);
  const copy = () => {
    navigator.clipboard.writeText(text).then(
      () => onAnnounce(`Copied ${path}.`),
      () => onAnnounce(`Could not copy ${path}: select the text and copy it, or download it.`)
    );
  };
  const download = () => {
    downloadText(name, text);
    onAnnounce(`Downloading ${name}.`);
  };
  return (
    <div role='group' aria-labelledby={`${id}-path`} className={styles.file}>
      <div className={styles.fileHeader}>
        <code id={`${id}-path`} className={styles.path}>
          {path}
        </code>
        <span className={styles.fileActions}>
          <button type='button' className='button button--secondary button--sm' onClick={copy}>
            Copy<span className={styles.visuallyHidden}> {path}</span>
          </button>
          <button type='button' className='button button--secondary button--sm' onClick={download}>
            Download<span className={styles.visuallyHidden}> {name}</span>
          </button>
        </span>
      </div>
      <Highlight theme={theme} code={text.replace(/\n$/, '')} language={languageOf(path)}>
        {({ className, style, tokens, getLineProps, getTokenProps }) => (
          // Focusable so that keyboard users can scroll long files.
          <pre className={`${className} ${styles.code}`} style={style} tabIndex={0}>
            <code>
              {tokens.map((line, i) => (
                <span key={i} {...getLineProps({ line })}>
                  {line.map((token, j) => (
                    <span key={j} {...getTokenProps({ token })} />
                  ))}
                  {'\n'}
                </span>
              ))}
            </code>
          </pre>
        )}
      </Highlight>
    </div>
  );
}

// Highlighting is the costly part of a render: redo it only when the file's text changes.
export default memo(FileView);
