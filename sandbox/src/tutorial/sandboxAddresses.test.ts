// The addresses the pages show are where the replica listens by default, and the site's origins
// are the ones it allows without --allowed-origin.

import assert from 'node:assert/strict';
import { it } from 'node:test';
import { replicaPorts, type ReplicaService } from '../replica/ports';
import { allowedOriginsWith } from '../replica/siteOrigins';
import { defaultSandboxOrigin, SITE_ORIGINS } from './sandboxAddresses';

it('each service origin is the replica default port on loopback', () => {
  const ports = replicaPorts();
  for (const service of Object.keys(ports) as ReplicaService[]) {
    assert.equal(defaultSandboxOrigin(service), `http://127.0.0.1:${ports[service]}`);
  }
  assert.equal(defaultSandboxOrigin('sts'), 'http://127.0.0.1:4102');
});

it("the docs site's origins are allowed without flags", () => {
  assert.deepEqual(allowedOriginsWith([]), [...SITE_ORIGINS]);
  assert.deepEqual(SITE_ORIGINS, ['http://127.0.0.1:3000', 'http://localhost:3000']);
});
