// The benchmark's upstream: a minimal MCP Streamable HTTP endpoint that answers every POST at
// once with one SSE message. Under /signed/ it refuses requests that are not SigV4-signed.

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Requests under this path prefix must be signed (the sts scenarios' upstream URL). */
export const SIGNED_PREFIX = '/signed';
/** A request carrying this header (milliseconds, at most 10000) is answered that much later. */
export const UPSTREAM_DELAY_HEADER = 'x-bench-upstream-delay-ms';

export interface BenchUpstream {
  /** The origin, e.g. `http://127.0.0.1:1234`; the endpoints are `/mcp` and `/signed/mcp`. */
  origin: string;
  stats(): { requests: number; signed: number; refused: number; connections: number };
  close(): Promise<void>;
}

/** The SigV4 header shape the proxy must produce; anything else is refused with 403. */
const SIGV4 =
  /^AWS4-HMAC-SHA256 Credential=ASIA[A-Z0-9]+\/\d{8}\/[a-z0-9-]+\/aws-mcp\/aws4_request, /;

/**
 * Starts the upstream on 127.0.0.1:0. Under `/signed/`, requests without a SigV4 `Authorization`
 * and a session token are answered 403 (so a proxy that forgot to sign shows as errors); the
 * signature itself is not recomputed (the tests do that, and it would cost the upstream more
 * than the proxy being measured).
 * @example const upstream = await startBenchUpstream(); // POST ${upstream.origin}/mcp
 */
export async function startBenchUpstream(): Promise<BenchUpstream> {
  const counts = { requests: 0, signed: 0, refused: 0, connections: 0 };
  const server = createServer({ noDelay: true }, (req, res) => {
    counts.requests++;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const authorization = req.headers.authorization ?? '';
      const signed = SIGV4.test(authorization) && req.headers['x-amz-security-token'] !== undefined;
      if (signed) counts.signed++;
      if (!signed && req.url?.startsWith(`${SIGNED_PREFIX}/`)) {
        counts.refused++;
        res.writeHead(403, { 'content-type': 'application/json' });
        res.end('{"message":"Missing Authentication Token"}');
        return;
      }
      let id: unknown = null;
      try {
        id = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { id?: unknown }).id ?? null;
      } catch {
        // Not JSON: answer anyway, with a null id, as the measurement only needs a response.
      }
      const message = JSON.stringify({
        jsonrpc: '2.0',
        id,
        result: { content: [{ type: 'text', text: '{"Buckets":[{"Name":"example-bucket"}]}' }] },
      });
      const answer = (): void => {
        res.writeHead(200, {
          'content-type': 'text/event-stream',
          'cache-control': 'no-cache',
          'mcp-session-id': 'bench-session',
        });
        res.end(`event: message\ndata: ${message}\n\n`);
      };
      const delay = Math.min(Number(req.headers[UPSTREAM_DELAY_HEADER]) || 0, 10_000);
      if (delay > 0) setTimeout(answer, delay);
      else answer();
    });
  });
  server.on('connection', () => counts.connections++);
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    stats: () => ({ ...counts }),
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
