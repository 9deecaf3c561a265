// <DiagnoseSetup />: a placeholder that loads the setup diagnosis when it nears the viewport.
// Only this shell is in the page's bundle; the form and the doctor's core load with import().
import type { ReactNode } from 'react';
import { lazy, useRef } from 'react';
import OnDemand from '@site/src/components/shared/OnDemand';
import { useNearViewport } from '@site/src/components/shared/useNearViewport';
import styles from './styles.module.css';

const Diagnose = lazy(() => import('./Diagnose'));

export default function DiagnoseSetup(): ReactNode {
  const ref = useRef<HTMLElement>(null);
  const load = useNearViewport(ref);

  const fallback = (
    <div className={styles.placeholder}>
      <p>Loading the setup diagnosis…</p>
    </div>
  );
  return (
    <section
      ref={ref}
      id='diagnose-setup'
      className={styles.shell}
      aria-label='Diagnose your setup'
    >
      {load ? (
        <OnDemand component={Diagnose} fallback={fallback} what='the setup diagnosis' />
      ) : (
        fallback
      )}
    </section>
  );
}
