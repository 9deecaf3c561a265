// Child process of the benchmark: "the AWS side and the IdP", i.e. a local OIDC issuer (discovery,
// JWKS, token minting) and the STS emulator with its injected latency. It runs no proxy.

import { startTestIssuer } from '../sandbox/test/support/testIssuer';
import { createStsServer } from '../sandbox/src/emulators/sts';
import { userClaims } from '../sandbox/test/hardening/tokens';
import { accountTrusting } from '../sandbox/test/support/accounts';
import { serveRequests } from './ipc';

/** What the parent passes on the command line (JSON). */
export interface AwsSpec {
  stsLatencyMs: number;
}

const spec = JSON.parse(process.argv[2] ?? '{}') as AwsSpec;
const issuer = await startTestIssuer({ issuerPath: '/oauth2/default' });
await issuer.addKey('k1', { alg: 'RS256' });
// The hardening suite's account: an OIDC provider for the issuer and the proxy's two roles.
const state = accountTrusting(issuer.issuer);
const sts = createStsServer({ state, latencyMs: spec.stsLatencyMs });
const { url: stsEndpoint } = await sts.listen(0, '127.0.0.1');

serveRequests(async (request) => {
  switch (request.type) {
    case 'tokens': {
      // One user in four is an admin: both mappings (claim and CEL matcher) are exercised.
      const tokens: string[] = [];
      for (let i = 0; i < request.count; i++) {
        const claims = { ...userClaims(issuer, i), sub: `${request.prefix}-${i}` };
        tokens.push(await issuer.sign(claims, 'k1'));
      }
      return tokens;
    }
    case 'stats':
      return sts.stats();
    case 'close':
      await Promise.all([sts.close(), issuer.close()]);
      setImmediate(() => process.exit(0));
      return undefined;
  }
});
process.send?.({ type: 'ready', issuer: issuer.issuer, stsEndpoint });
