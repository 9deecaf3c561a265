// <PolicyGenerator />: a closed panel that loads the generator when the reader opens it. Only this
// shell is in the page's bundle; the form, the sandbox's generator and fflate load with import().
import type { ReactNode } from 'react';
import { lazy, useRef } from 'react';
import OnDemand from '@site/src/components/shared/OnDemand';
import { useOpenedOnce } from '@site/src/components/shared/useOpenedOnce';
import panelStyles from '@site/src/components/shared/panel.module.css';

const Generator = lazy(() => import('./Generator'));

export default function PolicyGenerator(): ReactNode {
  const details = useRef<HTMLDetailsElement>(null);
  const opened = useOpenedOnce(details);

  const loading = <p className={panelStyles.loading}>Loading the policy generator…</p>;
  return (
    <details ref={details} id='policy-generator' className={panelStyles.panel}>
      <summary className={panelStyles.summary}>
        <span className={panelStyles.title}>Policy generator</span>
        <span className={panelStyles.subtitle}>
          Trust and permission policies, AWS CLI, ToolHive and Gateway API manifests, cleanup
        </span>
      </summary>
      <div className={panelStyles.body}>
        {opened ? (
          <OnDemand component={Generator} fallback={loading} what='the policy generator' />
        ) : (
          loading
        )}
      </div>
    </details>
  );
}
