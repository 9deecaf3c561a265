// Reads a request body into memory under a byte limit, counting while it streams in, so an
// oversized body is refused without being buffered. It does not decide the limit or the status.

import type { IncomingMessage } from 'node:http';
import { ProxyError } from './proxyError';

/**
 * The enhanced mode's body limit: the awsSts signer's `10*1024*1024` (stacklok/toolhive
 * `pkg/auth/awssts/signer.go`); ToolHive's proxy refuses bodies earlier, at 8 MiB (mode.ts).
 */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

/** The `detail` of a `body_too_large` refused on its `Content-Length`, before reading. */
export const DECLARED_LENGTH_DETAIL = 'Content-Length over the limit';

/**
 * Refuses a request whose `Content-Length` already says it is too large, before anything is read.
 * @example checkDeclaredLength(req.headers['content-length'], MAX_BODY_BYTES)
 */
export function checkDeclaredLength(contentLength: string | undefined, maxBytes: number): void {
  if (contentLength === undefined || !/^\d+$/.test(contentLength.trim())) return;
  if (Number(contentLength.trim()) > maxBytes) throw tooLarge(maxBytes, 'declared');
}

/**
 * The whole body, or `body_too_large` as soon as more than `maxBytes` have arrived (reading stops
 * there), or `client_closed` when the client goes away first.
 * @example const body = await readBody(req, MAX_BODY_BYTES);
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<Uint8Array> {
  if (req.readableEnded) return Promise.resolve(new Uint8Array());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const cleanup = (): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    };
    const onData = (chunk: Buffer): void => {
      received += chunk.byteLength;
      if (received > maxBytes) {
        cleanup();
        req.pause();
        reject(tooLarge(maxBytes, 'streamed'));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      cleanup();
      const body = Buffer.concat(chunks, received);
      resolve(new Uint8Array(body.buffer, body.byteOffset, body.byteLength));
    };
    const onError = (): void => {
      cleanup();
      reject(new ProxyError('client_closed', 'Client closed the request'));
    };
    const onClose = (): void => {
      if (req.readableEnded) return;
      onError();
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}

function tooLarge(maxBytes: number, how: 'declared' | 'streamed'): ProxyError {
  return new ProxyError(
    'body_too_large',
    `Request body exceeds maximum size of ${maxBytes} bytes`,
    { detail: how === 'declared' ? DECLARED_LENGTH_DETAIL : 'limit reached while reading' }
  );
}
