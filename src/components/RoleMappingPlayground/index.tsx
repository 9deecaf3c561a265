// <RoleMappingPlayground />: a placeholder that loads the playground when it nears the viewport.
// Only this shell is in the page's bundle; the editors, YAML and CEL load with import().
import type { ReactNode } from 'react';
import { lazy, useRef } from 'react';
import OnDemand from '@site/src/components/shared/OnDemand';
import { useNearViewport } from '@site/src/components/shared/useNearViewport';
import panelStyles from '@site/src/components/shared/panel.module.css';
import styles from './styles.module.css';

const Playground = lazy(() => import('./Playground'));

export default function RoleMappingPlayground(): ReactNode {
  const ref = useRef<HTMLElement>(null);
  const load = useNearViewport(ref);

  const fallback = (
    <div className={styles.placeholder}>
      <p>Loading the role-mapping playground…</p>
    </div>
  );
  return (
    <section ref={ref} className={panelStyles.frame} aria-label='Role-mapping playground'>
      {load ? (
        <OnDemand component={Playground} fallback={fallback} what='the playground' />
      ) : (
        fallback
      )}
    </section>
  );
}
