// Renders a lazily imported component in the browser only, with a fallback while its code loads
// and a message if loading fails. It does not decide when to load; the caller renders it on demand.
import type { ComponentType, LazyExoticComponent, ReactNode } from 'react';
import { Suspense } from 'react';
import BrowserOnly from '@docusaurus/BrowserOnly';
import ErrorBoundary from '@docusaurus/ErrorBoundary';

interface Props {
  /** A `React.lazy(() => import('./Impl'))` created at module scope. */
  component: LazyExoticComponent<ComponentType>;
  /** Shown on the server, during hydration and while the code loads. */
  fallback: ReactNode;
  /** What failed to load, for the error message (e.g. "the playground"). */
  what: string;
}

export default function OnDemand({ component: Component, fallback, what }: Props): ReactNode {
  return (
    <BrowserOnly fallback={fallback}>
      {() => (
        <ErrorBoundary
          fallback={() => <p role='alert'>Could not load {what}. Reload the page to try again.</p>}
        >
          <Suspense fallback={fallback}>
            <Component />
          </Suspense>
        </ErrorBoundary>
      )}
    </BrowserOnly>
  );
}
