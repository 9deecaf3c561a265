// Where the site's mock service worker lives and what it controls, from the site's base URL.
// A hook only (useBaseUrl is one); it starts nothing and imports no msw code.
import useBaseUrl from '@docusaurus/useBaseUrl';

/** The worker script's URL and the scope it controls, both under the site's base URL. */
export interface MockWorkerLocation {
  /** `<baseUrl>mockServiceWorker.js`, the file `npx msw init static` committed. */
  url: string;
  /** `<baseUrl>`: the worker sees only requests of pages under the site. */
  scope: string;
}

/**
 * The worker's location for this site, e.g. `{ url: '/mockServiceWorker.js', scope: '/' }`.
 * @example const location = useMockWorkerLocation(); // later: startMockWorker(location)
 */
export function useMockWorkerLocation(): MockWorkerLocation {
  return { url: useBaseUrl('/mockServiceWorker.js'), scope: useBaseUrl('/') };
}
