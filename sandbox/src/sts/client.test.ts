// The STS client against a real socket that accepts and never answers (no msw in between): the
// timeout must end the call. Before throwOnRequestTimeout it only logged a warning and waited.

import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { StsExchangeError } from './errors';
import { exchangeToken } from './exchange';

const sockets = new Set<Socket>();
const silent = createServer((socket) => {
  sockets.add(socket);
  socket.resume(); // read and drop the request, answer nothing
  socket.on('close', () => sockets.delete(socket));
});
let endpoint = '';
before(async () => {
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/`;
});
after(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => silent.close(resolve));
});

describe('createStsClient timeouts', () => {
  it(
    'an STS that never answers fails with TimeoutError (502, Retry-After)',
    { timeout: 10_000 },
    async () => {
      await assert.rejects(
        exchangeToken({
          token: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln',
          roleArn: 'arn:aws:iam::123456789012:role/R',
          sessionName: 'alice',
          region: 'us-east-1',
          endpoint,
          maxAttempts: 1,
          timeoutMs: 200,
        }),
        (error: unknown) => {
          assert.ok(error instanceof StsExchangeError);
          assert.equal(error.stsCode, 'TimeoutError');
          assert.equal(error.kind, 'transient');
          return true;
        }
      );
      // The socket of the abandoned request is closed, not left hanging.
      for (let i = 0; i < 100 && sockets.size > 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      assert.equal(sockets.size, 0);
    }
  );
});
