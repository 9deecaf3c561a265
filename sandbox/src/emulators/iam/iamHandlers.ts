// msw request handlers built from the IAM core, so the site's service worker can answer the
// tutorial's IAM calls in the browser. It owns only the msw ↔ core translation.

import { http, HttpResponse } from 'msw';
import type { HttpHandler } from 'msw';
import type { AccountState } from '../state';
import { handleIamRequest } from './handleIamRequest';

export interface IamHandlersOptions {
  state: AccountState;
  /** The IAM endpoint to intercept, e.g. `https://iam.amazonaws.com/`. */
  url: string;
  now?: () => Date;
  allowLoopbackHttp?: boolean;
}

/**
 * msw handlers answering IAM Query calls at `url` with the emulator.
 * @example setupWorker(...iamHandlers({ state, url: 'https://iam.amazonaws.com/' }))
 */
export function iamHandlers(options: IamHandlersOptions): HttpHandler[] {
  return [
    http.post(options.url, async ({ request }) => {
      const response = handleIamRequest(
        { method: request.method, url: request.url, body: await request.text() },
        {
          state: options.state,
          now: options.now?.() ?? new Date(),
          allowLoopbackHttp: options.allowLoopbackHttp === true,
        }
      );
      return new HttpResponse(response.body, {
        status: response.status,
        headers: response.headers,
      });
    }),
  ];
}
