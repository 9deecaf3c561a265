// Child process of the benchmark: "the AWS side and the IdP", i.e. a local OIDC issuer (discovery,
// JWKS, token minting) and the STS emulator with its injected latency. It runs no proxy.

import { startTestIssuer } from '../sandbox/src/auth/testIssuer';
import { createStsServer } from '../sandbox/src/emulators/sts';
import { AccountState, oidcProviderHostPath } from '../sandbox/src/emulators/state';
import { TEST_AUDIENCE } from '../sandbox/src/proxy/testHarness';
import { serveRequests } from './ipc';

/** What the parent passes on the command line (JSON). */
export interface AwsSpec {
  stsLatencyMs: number;
}

/** Roles of the proxy's configuration (testHarness TEST_CONFIG): readers and admins. */
export const BENCH_ROLES = ['S3ReadOnlyMCPRole', 'AdminMCPRole'] as const;

const spec = JSON.parse(process.argv[2] ?? '{}') as AwsSpec;
const issuer = await startTestIssuer({ issuerPath: '/oauth2/default' });
await issuer.addKey('k1', { alg: 'RS256' });

const state = new AccountState();
const providerArn = state.oidcProviderArn(issuer.issuer);
state.oidcProviders.set(providerArn, {
  arn: providerArn,
  url: issuer.issuer,
  clientIds: [TEST_AUDIENCE],
  thumbprints: [],
  createDate: new Date(),
  tags: [],
});
const trustPolicy = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { Federated: providerArn },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: {
        StringEquals: { [`${oidcProviderHostPath(issuer.issuer)}:aud`]: TEST_AUDIENCE },
      },
    },
  ],
});
for (const roleName of BENCH_ROLES) {
  state.roles.set(roleName, {
    roleName,
    roleId: `AROA${roleName.toUpperCase().slice(0, 16)}`,
    arn: state.roleArn(roleName),
    path: '/',
    assumeRolePolicyDocument: trustPolicy,
    maxSessionDuration: 3600,
    createDate: new Date(),
    inlinePolicies: new Map(),
  });
}
const sts = createStsServer({ state, latencyMs: spec.stsLatencyMs });
const { url: stsEndpoint } = await sts.listen(0, '127.0.0.1');

serveRequests(async (request) => {
  switch (request.type) {
    case 'tokens': {
      const now = Math.floor(Date.now() / 1000);
      const tokens: string[] = [];
      for (let i = 0; i < request.count; i++) {
        // One user in four is an admin: both mappings (claim and CEL matcher) are exercised.
        const groups = i % 4 === 3 ? ['admins'] : ['s3-readers'];
        const claims = { iss: issuer.issuer, aud: TEST_AUDIENCE, iat: now, exp: now + 3600 };
        tokens.push(await issuer.sign({ ...claims, sub: `${request.prefix}-${i}`, groups }, 'k1'));
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
