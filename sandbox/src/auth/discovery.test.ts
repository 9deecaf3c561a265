// OIDC discovery: the well-known URL of issuers with paths and trailing slashes, the exact
// issuer check, and caching (a success is kept, a failure is retried), against a local issuer.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createDiscovery, discoveryUrl } from './discovery';
import { startTestIssuer } from '../../test/support/testIssuer';
import type { TestIssuer } from '../../test/support/testIssuer';
import { TokenError } from './tokenError';

describe('discoveryUrl', () => {
  const cases = [
    {
      issuer: 'https://x/oauth2/default',
      url: 'https://x/oauth2/default/.well-known/openid-configuration',
    },
    {
      issuer: 'https://x/oauth2/default/',
      url: 'https://x/oauth2/default/.well-known/openid-configuration',
    },
    {
      issuer: 'https://tenant.auth0.com/',
      url: 'https://tenant.auth0.com/.well-known/openid-configuration',
    },
    {
      issuer: 'https://accounts.google.com',
      url: 'https://accounts.google.com/.well-known/openid-configuration',
    },
    {
      issuer: 'https://login.microsoftonline.com/tid/v2.0',
      url: 'https://login.microsoftonline.com/tid/v2.0/.well-known/openid-configuration',
    },
  ];
  for (const c of cases) {
    test(c.issuer, () => assert.equal(discoveryUrl(c.issuer), c.url));
  }
});

describe('createDiscovery against a local issuer', () => {
  const issuers = new Map<string, TestIssuer>();
  before(async () => {
    for (const path of ['', '/', '/oauth2/default']) {
      issuers.set(path, await startTestIssuer({ issuerPath: path }));
    }
  });
  after(async () => {
    for (const idp of issuers.values()) await idp.close();
  });

  interface Case {
    name: string;
    issuerPath: string;
    /** Discovery responses, one per `get()` call in order (the last one repeats). */
    responses: { status?: number; document?: Record<string, unknown> }[];
    calls: number;
    /** Outcome of each call: 'ok' or the rejection reason. */
    expect: string[];
    discoveryHits: number;
  }
  const cases: Case[] = [
    {
      name: 'issuer with a path: document found under the path',
      issuerPath: '/oauth2/default',
      responses: [{}],
      calls: 1,
      expect: ['ok'],
      discoveryHits: 1,
    },
    {
      name: 'issuer with a trailing slash: slash dropped before the suffix',
      issuerPath: '/',
      responses: [{}],
      calls: 1,
      expect: ['ok'],
      discoveryHits: 1,
    },
    {
      name: 'success is cached',
      issuerPath: '',
      responses: [{}],
      calls: 3,
      expect: ['ok', 'ok', 'ok'],
      discoveryHits: 1,
    },
    {
      name: 'a failure is retried on the next call, then cached once it succeeds',
      issuerPath: '',
      responses: [{ status: 500 }, {}],
      calls: 3,
      expect: ['unavailable', 'ok', 'ok'],
      discoveryHits: 2,
    },
    {
      name: 'document names another issuer',
      issuerPath: '/oauth2/default',
      responses: [{ document: { issuer: 'https://evil.example.com/oauth2/default' } }],
      calls: 2,
      expect: ['unavailable', 'unavailable'],
      discoveryHits: 2,
    },
    {
      name: 'document issuer differs only by a trailing slash',
      issuerPath: '/oauth2/default',
      responses: [{ document: { issuer: 'SELF/' } }],
      calls: 1,
      expect: ['unavailable'],
      discoveryHits: 1,
    },
    {
      name: 'document without jwks_uri',
      issuerPath: '',
      responses: [{ document: { jwks_uri: null } }],
      calls: 1,
      expect: ['unavailable'],
      discoveryHits: 1,
    },
    {
      name: 'jwks_uri over plain http on a public host',
      issuerPath: '',
      responses: [{ document: { jwks_uri: 'http://keys.example.com/jwks' } }],
      calls: 1,
      expect: ['unavailable'],
      discoveryHits: 1,
    },
    {
      name: 'document over 1 MiB',
      issuerPath: '',
      responses: [{ document: { padding: 'x'.repeat(1024 * 1024) } }],
      calls: 1,
      expect: ['unavailable'],
      discoveryHits: 1,
    },
    {
      name: 'redirect is not followed',
      issuerPath: '',
      responses: [{ status: 302 }],
      calls: 1,
      expect: ['unavailable'],
      discoveryHits: 1,
    },
  ];

  for (const c of cases) {
    test(c.name, async () => {
      const idp = issuers.get(c.issuerPath);
      assert.ok(idp);
      idp.resetHits();
      const discovery = createDiscovery({ issuer: idp.issuer });
      const outcomes: string[] = [];
      try {
        for (let i = 0; i < c.calls; i += 1) {
          const response = c.responses[Math.min(i, c.responses.length - 1)] ?? {};
          idp.discovery.status = response.status ?? 200;
          idp.discovery.document = Object.fromEntries(
            Object.entries(response.document ?? {}).map(([k, v]) => [
              k,
              typeof v === 'string' ? v.replace('SELF', idp.issuer) : v,
            ])
          );
          outcomes.push(
            await discovery.get().then(
              (found) => {
                assert.equal(found.jwksUri.href, idp.jwksUri);
                return 'ok';
              },
              (error: unknown) => (error instanceof TokenError ? error.reason : String(error))
            )
          );
        }
      } finally {
        idp.discovery.status = 200;
        idp.discovery.document = {};
      }
      assert.deepEqual(outcomes, c.expect);
      assert.equal(idp.hits.discovery, c.discoveryHits);
    });
  }
});
