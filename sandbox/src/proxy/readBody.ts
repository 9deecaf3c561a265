// Reads a request body into memory under a byte limit, counting while it streams in, so an
// oversized body is refused without being buffered. It does not decide the limit or the status.

import type { IncomingMessage } from 'node:http';
import { ProxyError } from './proxyError';

/** The `detail` of a `body_too_large` refused on its `Content-Length`, before reading. */
export const DECLARED_LENGTH_DETAIL = 'Content-Length over the limit';

/**
 * Refuses a request whose `Content-Length` already says it is too large, before anything is read.
 * @example checkDeclaredLength(req.headers['content-length'], MAX_SIGNED_BODY_BYTES)
 */
export function checkDeclaredLength(contentLength: string | undefined, maxBytes: number): void {
  if (contentLength === undefined || !/^\d+$/.test(contentLength.trim())) return;
  if (Number(contentLength.trim()) > maxBytes) throw tooLarge(maxBytes, 'declared');
}

/**
 * The whole body, or `body_too_large` as soon as more than `maxBytes` have arrived (reading stops
 * there), or `client_closed` when the client goes away first.
 * @example const body = await readBody(req, MAX_SIGNED_BODY_BYTES);
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<Uint8Array> {
  if (req.readableEnded) return Promise.resolve(new Uint8Array());
  return new Promise((resolve, reject) => {
    // The listeners are module functions reading this state from the request: no closures
    // (and no per-request function objects) on the request path.
    (req as ReadingRequest)[READING] = { chunks: [], received: 0, maxBytes, resolve, reject };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}

const READING = Symbol('readBody');

interface Reading {
  chunks: Buffer[];
  received: number;
  maxBytes: number;
  resolve: (body: Uint8Array) => void;
  reject: (error: ProxyError) => void;
}

type ReadingRequest = IncomingMessage & { [READING]?: Reading | undefined };

/** Detaches the listeners and hands back the state, or undefined when reading is over. */
function finish(req: ReadingRequest): Reading | undefined {
  const reading = req[READING];
  if (reading === undefined) return undefined;
  req[READING] = undefined;
  req.off('data', onData);
  req.off('end', onEnd);
  req.off('error', onError);
  req.off('close', onClose);
  return reading;
}

function onData(this: ReadingRequest, chunk: Buffer): void {
  const reading = this[READING];
  if (reading === undefined) return;
  reading.received += chunk.byteLength;
  if (reading.received > reading.maxBytes) {
    finish(this);
    this.pause();
    reading.reject(tooLarge(reading.maxBytes, 'streamed'));
    return;
  }
  reading.chunks.push(chunk);
}

function onEnd(this: ReadingRequest): void {
  const reading = finish(this);
  if (reading === undefined) return;
  const { chunks } = reading;
  // One chunk (a small MCP message) is the body as it is: no copy.
  reading.resolve(
    chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, reading.received)
  );
}

function onError(this: ReadingRequest): void {
  finish(this)?.reject(new ProxyError('client_closed', 'Client closed the request'));
}

function onClose(this: ReadingRequest): void {
  if (this.readableEnded) return;
  finish(this)?.reject(new ProxyError('client_closed', 'Client closed the request'));
}

function tooLarge(maxBytes: number, how: 'declared' | 'streamed'): ProxyError {
  return new ProxyError(
    'body_too_large',
    `Request body exceeds maximum size of ${maxBytes} bytes`,
    { detail: how === 'declared' ? DECLARED_LENGTH_DETAIL : 'limit reached while reading' }
  );
}
