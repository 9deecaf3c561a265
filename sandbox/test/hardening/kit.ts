// Shared tools of the hardening suite: raw HTTP requests that survive resets, counts of open
// sockets and handles, a port that can refuse connections on demand, a forced GC. No tests here.

import { request as httpRequest } from 'node:http';
import type { Agent, IncomingHttpHeaders, Server } from 'node:http';
import { createServer as createTcpServer, connect } from 'node:net';
import type { AddressInfo, Server as TcpServer, Socket } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { base64url } from 'jose';
import type { TestIssuer } from '../support/testIssuer';

export const MCP_BODY = '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"x"}}';

export interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * POSTs to `url` with node:http; resolves with the answer, or `{ status: 0 }` and the error's
 * code as body when the connection broke (reset, refused) before an answer.
 * @example const { status } = await send(url, { token });
 */
export function send(
  url: string,
  options: { token?: string; body?: string; agent?: Agent; headers?: Record<string, string> } = {}
): Promise<Answer> {
  return new Promise((resolve) => {
    const req = httpRequest(url, {
      method: 'POST',
      ...(options.agent ? { agent: options.agent } : {}),
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        ...(options.token === undefined ? {} : { authorization: `Bearer ${options.token}` }),
        ...options.headers,
      },
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        })
      );
      res.on('error', (error: NodeJS.ErrnoException) =>
        resolve({ status: -1, headers: res.headers, body: error.code ?? error.message })
      );
    });
    req.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ status: 0, headers: {}, body: error.code ?? error.message })
    );
    req.end(options.body ?? MCP_BODY);
  });
}

/** Open connections of a server. */
export function connectionsOf(server: Server | TcpServer): Promise<number> {
  return new Promise((resolve, reject) =>
    server.getConnections((error, count) => (error ? reject(error) : resolve(count)))
  );
}

/** Open TCP sockets and timers of this process (`process.getActiveResourcesInfo()`). */
export function activeResources(): { sockets: number; timers: number } {
  const info = process.getActiveResourcesInfo();
  return {
    sockets: info.filter((name) => name === 'TCPSocketWrap').length,
    timers: info.filter((name) => name === 'Timeout').length,
  };
}

/**
 * Polls `read` (each poll one macrotask apart, at most `polls` times) until it returns a value
 * `done` accepts; resolves with the last value either way, for the caller to assert on.
 * @example const open = await eventually(() => connectionsOf(server), (n) => n === 0);
 */
export async function eventually<T>(
  read: () => T | Promise<T>,
  done: (value: T) => boolean,
  polls = 200
): Promise<T> {
  let value = await read();
  for (let i = 0; i < polls && !done(value); i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    value = await read();
  }
  return value;
}

/** A full GC (through V8's flag, so it works without --expose-gc); returns heapUsed after it. */
export function heapAfterGc(): number {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/**
 * Signs an arbitrary header and payload (JSON text, as given) with an RS256 key of the issuer,
 * so a test can send what jose would never produce: duplicate members, deep nesting, claims of
 * the wrong type, `crit` extensions nobody understands.
 * @example await signRaw(issuer, 'k1', '{"sub":"a","sub":"b"}')
 */
export async function signRaw(
  issuer: TestIssuer,
  kid: string,
  payload: string,
  header = JSON.stringify({ alg: 'RS256', kid })
): Promise<string> {
  const encode = (text: string): string => base64url.encode(new TextEncoder().encode(text));
  const input = `${encode(header)}.${encode(payload)}`;
  const signature = await globalThis.crypto.subtle.sign(
    { name: 'RSASSA-PKCS1-v1_5' },
    issuer.key(kid).privateKey,
    new TextEncoder().encode(input)
  );
  return `${input}.${base64url.encode(new Uint8Array(signature))}`;
}

/**
 * A loopback port in front of a real server that can be switched off (connections refused,
 * since nothing listens) and on again (the same port, piping to the target), and can reset
 * every connection it accepts.
 */
export interface SwitchablePort {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** `reset`: open connections are cut and new ones reset as soon as they are accepted. */
  setMode(mode: 'pass' | 'reset'): void;
  off(): Promise<void>;
  on(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts a switchable port forwarding to `target` (host:port of a loopback server).
 * @example const port = await switchablePort(upstreamOrigin); await port.off();
 */
export async function switchablePort(target: string): Promise<SwitchablePort> {
  const { hostname, port: targetPort } = new URL(target);
  const sockets = new Set<Socket>();
  let server: TcpServer | undefined;
  let port = 0;
  let mode: 'pass' | 'reset' = 'pass';
  const start = async (): Promise<void> => {
    if (server !== undefined) return;
    const current = createTcpServer((client) => {
      sockets.add(client);
      client.on('close', () => sockets.delete(client));
      client.on('error', () => undefined);
      if (mode === 'reset') {
        client.resetAndDestroy();
        return;
      }
      const upstream = connect(Number(targetPort), hostname);
      sockets.add(upstream);
      upstream.on('close', () => sockets.delete(upstream));
      upstream.on('error', () => client.destroy());
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
      client.pipe(upstream).pipe(client);
    });
    server = current;
    await new Promise<void>((resolve, reject) => {
      current.once('error', reject);
      current.listen(port, '127.0.0.1', () => {
        current.off('error', reject);
        resolve();
      });
    });
    port = (current.address() as AddressInfo).port;
  };
  const stop = async (): Promise<void> => {
    const current = server;
    server = undefined;
    for (const socket of sockets) socket.destroy();
    if (current) await new Promise((resolve) => current.close(resolve));
  };
  await start();
  return {
    origin: `http://127.0.0.1:${port}`,
    setMode(next) {
      mode = next;
      if (next === 'reset') for (const socket of sockets) socket.resetAndDestroy();
    },
    off: stop,
    on: start,
    close: stop,
  };
}
