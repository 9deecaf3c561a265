// msw request handlers built from the STS core, so the site's service worker and Node tests
// (setupServer) run the same emulator. It owns only the msw ↔ core translation.

import { http, HttpResponse } from 'msw';
import type { HttpHandler } from 'msw';
import type { AccountState } from '../state';
import { handleStsRequest } from './handleStsRequest';
import type { ResolveJwks, StsExplanation } from './types';

export interface StsHandlersOptions {
  state: AccountState;
  resolveJwks: ResolveJwks;
  /** The STS endpoint to intercept, e.g. `https://sts.us-east-1.amazonaws.com/`. */
  url: string;
  /** The clock, read once per call. Default: the real time. */
  now?: () => Date;
  /** Called with every call's explanation (e.g. to show why STS refused). */
  onExplain?: (explain: StsExplanation) => void;
}

/**
 * msw handlers that answer STS calls at `url` with the emulator (POST and GET).
 * @example setupServer(...stsHandlers({ state, resolveJwks, url: 'https://sts.mock.invalid/' }))
 */
export function stsHandlers(options: StsHandlersOptions): HttpHandler[] {
  const answer = async ({ request }: { request: Request }): Promise<HttpResponse<string>> => {
    const response = await handleStsRequest(
      {
        method: request.method,
        url: request.url,
        body: request.method === 'GET' ? '' : await request.text(),
        headers: Object.fromEntries(request.headers),
      },
      {
        state: options.state,
        resolveJwks: options.resolveJwks,
        now: options.now?.() ?? new Date(),
      }
    );
    options.onExplain?.(response.explain);
    return new HttpResponse(response.body, { status: response.status, headers: response.headers });
  };
  return [http.post(options.url, answer), http.get(options.url, answer)];
}
