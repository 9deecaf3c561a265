// <StsExchangeWalkthrough />: a placeholder that loads the walkthrough when it nears the viewport.
// Only this shell is in the page's bundle; the form loads with import(), the exchange on first use.
import type { ReactNode } from 'react';
import { lazy, useRef } from 'react';
import OnDemand from '@site/src/components/shared/OnDemand';
import { useNearViewport } from '@site/src/components/shared/useNearViewport';
import panelStyles from '@site/src/components/shared/panel.module.css';
import styles from './styles.module.css';

const Walkthrough = lazy(() => import('./Walkthrough'));

export default function StsExchangeWalkthrough(): ReactNode {
  const ref = useRef<HTMLDivElement>(null);
  const load = useNearViewport(ref);

  const fallback = (
    <div className={styles.placeholder}>
      <p>Loading the STS exchange walkthrough…</p>
    </div>
  );
  return (
    <div ref={ref} id='sts-exchange-walkthrough' className={panelStyles.frame}>
      {load ? (
        <OnDemand component={Walkthrough} fallback={fallback} what='the STS walkthrough' />
      ) : (
        fallback
      )}
    </div>
  );
}
