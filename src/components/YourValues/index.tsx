// <YourValues />: a collapsible bar (sticky on wide screens) that loads the values form on demand.
// Only this shell is in the page's bundle; the form and its validation load with import().
import type { ReactNode } from 'react';
import { lazy, useEffect, useRef, useSyncExternalStore } from 'react';
import OnDemand from '@site/src/components/shared/OnDemand';
import { useOpenedOnce } from '@site/src/components/shared/useOpenedOnce';
import {
  applyStoredYourValues,
  clearYourValues,
  hasYourValuesToApply,
  useYourValues,
} from './store';
import styles from './styles.module.css';
import panelStyles from '@site/src/components/shared/panel.module.css';

const Panel = lazy(() => import('./Panel'));

/** Wide layouts keep the bar in view; anchors then need room below it. */
const STICKY_QUERY = '(min-width: 997px)';

function summaryText(entered: number, invalid: number): string {
  if (entered === 0) return 'Fill in your issuer, account and names to use them in the code below';
  const used = entered - invalid;
  return `${used} in use${invalid > 0 ? `, ${invalid} invalid` : ''}`;
}

const noSubscription = () => () => undefined;

export default function YourValues(): ReactNode {
  const details = useRef<HTMLDetailsElement>(null);
  const opened = useOpenedOnce(details);
  // Stored or shared values need the form's code at once, to validate and apply them.
  const toApply = useSyncExternalStore(noSubscription, hasYourValuesToApply, () => false);
  const load = opened || toApply;
  const { entered, invalid } = useYourValues();

  // Stored values show at once; the form re-validates them when its code arrives. The code
  // blocks of other pages keep their placeholders.
  useEffect(() => {
    applyStoredYourValues();
    return clearYourValues;
  }, []);

  useEffect(() => {
    const media = window.matchMedia(STICKY_QUERY);
    const root = document.documentElement;
    const apply = () => {
      root.style.scrollPaddingTop = media.matches ? '3.5rem' : '';
    };
    apply();
    media.addEventListener('change', apply);
    return () => {
      media.removeEventListener('change', apply);
      root.style.scrollPaddingTop = '';
    };
  }, []);

  const loading = <p className={panelStyles.loading}>Loading the form…</p>;
  return (
    <details ref={details} className={styles.panel}>
      <summary className={panelStyles.summary}>
        <span className={panelStyles.title}>Your values</span>
        <span className={panelStyles.subtitle}>{summaryText(entered, invalid)}</span>
      </summary>
      <div className={panelStyles.body}>
        {load ? <OnDemand component={Panel} fallback={loading} what='the values form' /> : loading}
      </div>
    </details>
  );
}
