// <PrerenderedDiagram id="…" svg="…" />: a Mermaid diagram rendered to SVG ahead of time
// (plugins/diagrams), shown as inline SVG so its text stays text. The remark plugin writes this
// element for each ```mermaid fence; authors never use it. The server-rendered page carries the
// SVG in its HTML and the browser keeps it as it is; only a page rendered in the browser (reached
// by a client-side link, or `npm start`) fetches /diagrams/<id>.svg.
import type { ReactNode } from 'react';
import { useEffect, useRef } from 'react';
import useBaseUrl from '@docusaurus/useBaseUrl';
import styles from './styles.module.css';

export default function PrerenderedDiagram({ id, svg }: { id: string; svg?: string }): ReactNode {
  const figure = useRef<HTMLElement>(null);
  const url = useBaseUrl(`/diagrams/${id}.svg`);
  useEffect(() => {
    const element = figure.current;
    if (!element || element.querySelector('svg')) return;
    let cancelled = false;
    fetch(url)
      .then((response) => (response.ok ? response.text() : Promise.reject(response.status)))
      .then((text) => {
        if (!cancelled) element.innerHTML = text.replace(/^<!--[\s\S]*?-->\s*/, '');
      })
      .catch(() => {
        if (!cancelled) element.textContent = 'The diagram could not be loaded; reload the page.';
      });
    return () => {
      cancelled = true;
    };
  }, [url]);
  return (
    // Focusable so that keyboard users can scroll a diagram wider than a phone. The browser build
    // has no `svg`: the server-rendered one stays in place (React leaves inner HTML alone).
    <figure
      ref={figure}
      className={styles.diagram}
      tabIndex={0}
      suppressHydrationWarning
      dangerouslySetInnerHTML={{ __html: svg ?? '' }}
    />
  );
}
