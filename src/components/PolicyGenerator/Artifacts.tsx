// The generated files as a tablist (arrow keys, Home and End move between tabs) with Copy and
// Download per file and a zip of all of them. It shows the files it is given; it generates nothing.
import type { KeyboardEvent, ReactNode } from 'react';
import { useId, useMemo, useRef, useState } from 'react';
import type { ArtifactFiles } from '@toolhive-aws-sts/sandbox/policy';
import { artifactTabs } from './artifactTabs';
import { downloadZip, ZIP_NAME } from './download';
import FileView from './FileView';
import styles from './styles.module.css';

interface Props {
  files: ArtifactFiles;
  /** True while newer values are being turned into files. */
  updating: boolean;
  onAnnounce: (message: string) => void;
}

const MOVES: Record<string, (index: number, count: number) => number> = {
  ArrowRight: (index, count) => (index + 1) % count,
  ArrowDown: (index, count) => (index + 1) % count,
  ArrowLeft: (index, count) => (index - 1 + count) % count,
  ArrowUp: (index, count) => (index - 1 + count) % count,
  Home: () => 0,
  End: (_index, count) => count - 1,
};

export default function Artifacts({ files, updating, onAnnounce }: Props): ReactNode {
  const id = useId();
  const tabs = useMemo(() => artifactTabs(files), [files]);
  const [selectedId, setSelectedId] = useState('trust');
  const [zipping, setZipping] = useState(false);
  const tabButtons = useRef(new Map<string, HTMLButtonElement>());
  const selected = tabs.find((tab) => tab.id === selectedId) ?? tabs[0];
  if (selected === undefined) return null;

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const move = MOVES[event.key];
    if (move === undefined) return;
    event.preventDefault();
    const next = tabs[move(tabs.indexOf(selected), tabs.length)];
    if (next === undefined) return;
    setSelectedId(next.id);
    tabButtons.current.get(next.id)?.focus();
  };
  const downloadAll = () => {
    setZipping(true);
    const count = Object.keys(files).length;
    downloadZip(files)
      .then(
        () => onAnnounce(`Downloading ${ZIP_NAME} with ${count} files.`),
        () => onAnnounce(`Could not build ${ZIP_NAME}: download the files one by one.`)
      )
      .finally(() => setZipping(false));
  };

  const panelId = `${id}-panel`;
  const tabId = (tab: string) => `${id}-tab-${tab}`;
  return (
    <div className={styles.artifacts}>
      <div className={styles.artifactsHeader}>
        <h3 className={styles.heading}>Generated files</h3>
        <button
          type='button'
          className='button button--primary button--sm'
          disabled={zipping}
          onClick={downloadAll}
        >
          Download all (zip)
        </button>
      </div>
      <div role='tablist' aria-label='Generated files' className={styles.tabs}>
        {tabs.map((tab) => {
          const isSelected = tab === selected;
          return (
            <button
              key={tab.id}
              ref={(node) => {
                if (node === null) tabButtons.current.delete(tab.id);
                else tabButtons.current.set(tab.id, node);
              }}
              id={tabId(tab.id)}
              type='button'
              role='tab'
              aria-selected={isSelected}
              aria-controls={panelId}
              tabIndex={isSelected ? 0 : -1}
              className={styles.tab}
              onClick={() => setSelectedId(tab.id)}
              onKeyDown={onKeyDown}
            >
              {tab.label}
            </button>
          );
        })}
      </div>
      <div
        id={panelId}
        role='tabpanel'
        aria-labelledby={tabId(selected.id)}
        aria-busy={updating}
        className={updating ? `${styles.panel} ${styles.updating}` : styles.panel}
      >
        {selected.paths.map((path) => (
          <FileView key={path} path={path} text={files[path] ?? ''} onAnnounce={onAnnounce} />
        ))}
      </div>
    </div>
  );
}
