// The node:http edge of the STS and IAM emulator servers: read a bounded body, build the
// core's request, write the core's answer, and listen/close on loopback. No AWS rules here.

import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { closeServer, listenOn } from '../../http-server';
import { hostForUrl } from '../../shared';
import type { QueryRequest, QueryResponse } from './awsQuery';

/** Query bodies larger than this are refused with 413 (tokens ≤ 20,000, policies ≤ 131,072). */
export const MAX_QUERY_BODY_BYTES = 1024 * 1024;

/** A request body over the limit. */
export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
}

/**
 * The request as the emulator cores take it; rejects with BodyTooLargeError over the limit.
 * @example const request = await readQueryRequest(req);
 */
export async function readQueryRequest(req: IncomingMessage): Promise<QueryRequest> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  // Over the limit, keep reading (and dropping) so the client can finish sending and read 413.
  for await (const chunk of req) {
    const bytes = chunk as Uint8Array;
    size += bytes.byteLength;
    if (size <= MAX_QUERY_BODY_BYTES) chunks.push(bytes);
    else if (size > 16 * MAX_QUERY_BODY_BYTES) break; // stop draining; the socket is dropped
  }
  if (size > MAX_QUERY_BODY_BYTES) throw new BodyTooLargeError('request body too large');
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return {
    method: req.method ?? 'GET',
    url: req.url ?? '/',
    body: new TextDecoder().decode(Buffer.concat(chunks)),
    headers,
  };
}

/**
 * Writes a core answer (status, headers, XML) with its length.
 * @example writeQueryResponse(res, await handleStsRequest(request, env));
 */
export function writeQueryResponse(
  res: ServerResponse,
  response: QueryResponse,
  extraHeaders: Record<string, string> = {}
): void {
  const body = Buffer.from(response.body, 'utf8');
  res.writeHead(response.status, {
    ...response.headers,
    ...extraHeaders,
    'Content-Length': String(body.byteLength),
  });
  res.end(body);
}

/** A started emulator server. */
export interface ListeningServer {
  listen(port?: number, host?: string): Promise<{ url: string }>;
  close(): Promise<void>;
}

/**
 * listen/close around a node:http server: `listen(0)` picks a free port; the URL ends in `/`.
 * @example const { url } = await listening(server).listen(0, '127.0.0.1');
 */
export function listening(server: Server): ListeningServer {
  return {
    async listen(port = 0, host = '127.0.0.1') {
      const { port: bound } = await listenOn(server, port, host);
      return { url: `http://${hostForUrl(host)}:${bound}/` };
    },
    close: () => closeServer(server),
  };
}

/**
 * A node:http server around a request handler that may throw; errors become a plain 500.
 * @example createQueryServer(async (req, res) => writeQueryResponse(res, …))
 */
export function createQueryServer(
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>
): Server {
  return createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const status = error instanceof BodyTooLargeError ? 413 : 500;
      res.writeHead(status, { 'Content-Type': 'text/plain' });
      res.end(status === 413 ? 'Request body too large' : 'Internal error');
    });
  });
}
