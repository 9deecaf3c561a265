// The fixed ports (4100–4104 by default, one base for all, 0 for free ports) and a port in use:
// a clear error naming the service, the port and the fix, with nothing left listening.

import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:net';
import { describe, it } from 'node:test';
import { AwsStsError } from '../errors';
import { DEFAULT_BASE_PORT, MAX_BASE_PORT, replicaPorts } from './ports';
import { startReplica } from './startReplica';

function listenOn(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

describe('replicaPorts', () => {
  it('puts every service at a fixed offset from the base', () => {
    assert.equal(DEFAULT_BASE_PORT, 4100);
    assert.deepEqual(replicaPorts(), {
      proxy: 4100,
      oidc: 4101,
      sts: 4102,
      iam: 4103,
      awsMcp: 4104,
    });
    assert.deepEqual(replicaPorts(5000), {
      proxy: 5000,
      oidc: 5001,
      sts: 5002,
      iam: 5003,
      awsMcp: 5004,
    });
    assert.deepEqual(replicaPorts(0), { proxy: 0, oidc: 0, sts: 0, iam: 0, awsMcp: 0 });
  });

  it('refuses a base whose last port would not exist', () => {
    assert.throws(() => replicaPorts(MAX_BASE_PORT + 1), /integer from 1 to 65531/);
    assert.throws(() => replicaPorts(-1), AwsStsError);
    assert.throws(() => replicaPorts(1.5), AwsStsError);
  });
});

describe('a port in use', () => {
  it('names the service and port, says how to fix it, and closes what had started', async () => {
    const blocker = await listenOn(0);
    const taken = (blocker.address() as { port: number }).port;
    // The IAM emulator (base + 3) collides; the OIDC provider and STS emulator start before it.
    const base = taken - 3;
    try {
      await assert.rejects(startReplica({ port: base }), (error: AwsStsError) => {
        assert.equal(error.code, 'INVALID_CONFIG');
        assert.match(
          error.message,
          new RegExp(`IAM emulator cannot listen on 127\\.0\\.0\\.1:${taken}`)
        );
        assert.match(error.message, /the port is in use/);
        assert.match(error.message, /--port 0/);
        return true;
      });
      // Nothing is left listening on the services that had started.
      const oidc = await listenOn(base + 1);
      const sts = await listenOn(base + 2);
      await Promise.all([close(oidc), close(sts)]);
    } finally {
      await close(blocker);
    }
  });
});
