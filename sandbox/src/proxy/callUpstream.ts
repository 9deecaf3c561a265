// One HTTP call to the upstream MCP server: sends the prepared request and resolves with the
// upstream's response as soon as its headers arrive. It does not sign, nor relay the response.

import { request as httpRequest } from 'node:http';
import type { Agent, ClientRequest, IncomingMessage, RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { ProxyError } from './proxyError';

/** Default time the upstream has to send response headers. */
export const DEFAULT_UPSTREAM_TIMEOUT_MS = 30_000;

export interface UpstreamCall {
  method: string;
  url: URL;
  /** The signed headers, exactly as signed (plus unsigned ones the signer kept). */
  headers: Record<string, string>;
  /** The exact bytes the signature's payload hash covers. */
  body: Uint8Array;
}

export interface UpstreamCallOptions {
  /** Keep-alive agent for the upstream's scheme. */
  agent?: Agent;
  /** Response headers must arrive within this many milliseconds, else `upstream_timeout`. */
  timeoutMs: number;
  /** Cancelled when the client goes away: the upstream request (and its response) is destroyed. */
  cancel: UpstreamCancel;
}

/**
 * What an AbortSignal does for one upstream request, without one: an AbortController costs an
 * EventTarget and listeners per request, this one object. `cancel()` destroys the request in
 * flight (and with it a response being streamed); a request not yet sent is never sent.
 * @example const cancel = new UpstreamCancel(); res.once('close', () => cancel.cancel());
 */
export class UpstreamCancel {
  cancelled = false;
  /** The request in flight, set by callUpstream. */
  request: ClientRequest | undefined = undefined;

  cancel(): void {
    if (this.cancelled) return;
    this.cancelled = true;
    this.request?.destroy(new Error('client closed the request'));
  }
}

/**
 * Starts the upstream request; resolves with the response (headers received, body unread).
 * Rejects with `upstream_unreachable`, `upstream_timeout` or `client_closed`. A request that
 * fails with ECONNRESET on a reused keep-alive socket (the upstream closed it while idle) is sent
 * once more on a new connection, as Node's documentation recommends.
 * @example const upstream = await callUpstream({ method, url, headers, body }, { timeoutMs: 30000, cancel });
 */
export function callUpstream(
  call: UpstreamCall,
  options: UpstreamCallOptions
): Promise<IncomingMessage> {
  return attempt(call, options, true);
}

function attempt(
  call: UpstreamCall,
  options: UpstreamCallOptions,
  mayRetry: boolean
): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    if (options.cancel.cancelled) {
      reject(new ProxyError('client_closed', 'Client closed the request'));
      return;
    }
    const send = call.url.protocol === 'https:' ? httpsRequest : httpRequest;
    const target = targetOf(call.url);
    const requestOptions: RequestOptions = {
      ...target.options,
      method: call.method,
      // A flat list goes to the request line as is; an object is set header by header.
      headers: headerList(call.headers, target.host),
    };
    if (options.agent) requestOptions.agent = options.agent;
    const req = send(requestOptions) as AttemptRequest;
    options.cancel.request = req;
    // The listeners are module functions that find this state on the request: no closures.
    req[ATTEMPT] = {
      call,
      options,
      mayRetry,
      resolve,
      reject,
      settled: false,
      timedOut: false,
      timer: setTimeout(onTimeout, options.timeoutMs, req),
    };
    req.on('response', onResponse);
    // Stays attached: errors after the response arrived surface on the response stream.
    req.on('error', onRequestError);
    req.end(call.body.byteLength > 0 ? call.body : undefined);
  });
}

const ATTEMPT = Symbol('upstreamAttempt');

/** One attempt's state, kept on its request. */
interface Attempt {
  call: UpstreamCall;
  options: UpstreamCallOptions;
  mayRetry: boolean;
  resolve: (response: IncomingMessage | Promise<IncomingMessage>) => void;
  reject: (error: ProxyError) => void;
  settled: boolean;
  timedOut: boolean;
  timer: ReturnType<typeof setTimeout>;
}

type AttemptRequest = ClientRequest & { [ATTEMPT]?: Attempt };

function onTimeout(req: AttemptRequest): void {
  const state = req[ATTEMPT];
  if (state !== undefined) state.timedOut = true;
  req.destroy(new Error('upstream response timeout'));
}

function onResponse(this: AttemptRequest, response: IncomingMessage): void {
  const state = this[ATTEMPT];
  if (state === undefined || state.settled) return;
  state.settled = true;
  clearTimeout(state.timer);
  state.resolve(response);
}

function onRequestError(this: AttemptRequest, error: NodeJS.ErrnoException): void {
  const state = this[ATTEMPT];
  if (state === undefined) return;
  clearTimeout(state.timer);
  if (state.settled) return;
  state.settled = true;
  const { options } = state;
  if (state.timedOut) {
    state.reject(
      new ProxyError(
        'upstream_timeout',
        `Upstream timeout: the MCP server sent no response within ${options.timeoutMs} ms`,
        { detail: `no response headers after ${options.timeoutMs} ms` }
      )
    );
  } else if (options.cancel.cancelled) {
    state.reject(new ProxyError('client_closed', 'Client closed the request'));
  } else if (state.mayRetry && this.reusedSocket && error.code === 'ECONNRESET') {
    state.resolve(attempt(state.call, options, false));
  } else {
    state.reject(
      new ProxyError(
        'upstream_unreachable',
        'Upstream unreachable: could not reach the MCP server',
        {
          detail: `${error.code ?? error.name}: ${error.message.split('\n')[0] ?? ''}`,
        }
      )
    );
  }
}

interface Target {
  options: Pick<RequestOptions, 'protocol' | 'hostname' | 'port' | 'path' | 'auth'>;
  /** The `Host` header `http.request` would send. */
  host: string;
}
/** Per URL object: the upstream URL is one object for every request without a query of its own. */
const targets = new WeakMap<URL, Target>();

/** The request options `http.request(url)` would derive from `url` (its urlToHttpOptions), kept. */
function targetOf(url: URL): Target {
  let target = targets.get(url);
  if (target === undefined) {
    const { hostname } = url;
    target = {
      options: {
        protocol: url.protocol,
        hostname: hostname.startsWith('[') ? hostname.slice(1, -1) : hostname,
        path: `${url.pathname}${url.search}`,
        ...(url.port === '' ? {} : { port: Number(url.port) }),
        ...(url.username || url.password
          ? { auth: `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}` }
          : {}),
      },
      host: url.host,
    };
    targets.set(url, target);
  }
  return target;
}

/** `[name, value, name, value, …]`, with `host` added when missing (as `http.request` does). */
function headerList(headers: Record<string, string>, host: string): string[] {
  const list: string[] = [];
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined) list.push(name, value);
  }
  if (headers.host === undefined) list.push('host', host);
  return list;
}
