// The page's one msw service worker: registered on first use, silent, passing through every
// request no handler claims. It owns no handlers; callers install the sandbox core's handlers.
import { setupWorker, type SetupWorker } from 'msw/browser';
import type { RequestHandler } from 'msw';
import type { MockWorkerLocation } from './workerLocation';

let started: Promise<SetupWorker> | undefined;

/**
 * Registers and activates the worker once per page (later calls share the first start), with
 * the site's worker URL and scope, no console output, and unhandled requests left alone.
 * @example const worker = await startMockWorker(location); worker.resetHandlers(...handlers);
 */
export function startMockWorker(location: MockWorkerLocation): Promise<SetupWorker> {
  started ??= (async () => {
    const worker = setupWorker();
    await worker.start({
      serviceWorker: { url: location.url, options: { scope: location.scope } },
      onUnhandledRequest: 'bypass',
      quiet: true,
    });
    return worker;
  })().catch((error: unknown) => {
    started = undefined;
    throw error;
  });
  return started;
}

/**
 * Starts the worker if needed and makes `handlers` its only handlers (replacing earlier ones).
 * @example await installMockHandlers(location, stsHandlers({ state, resolveJwks, url }));
 */
export async function installMockHandlers(
  location: MockWorkerLocation,
  handlers: readonly RequestHandler[]
): Promise<void> {
  const worker = await startMockWorker(location);
  worker.resetHandlers(...handlers);
}
