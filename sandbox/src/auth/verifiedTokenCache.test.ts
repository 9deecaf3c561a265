// The verified-token cache on its own (LRU bound, expiry, max age, frozen values) and wired into
// createTokenVerifier against a real local issuer: reuse, re-verification, refusals never kept.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { JWTPayload } from 'jose';
import { startTestIssuer } from '../../test/support/testIssuer';
import type { TestIssuer } from '../../test/support/testIssuer';
import { TokenError } from './tokenError';
import { createVerifiedTokenCache, verifiedTokenKey } from './verifiedTokenCache';
import type { CachedVerification } from './verifiedTokenCache';
import { createTokenVerifier } from './verifyToken';

const value = (sub: string): CachedVerification => ({
  claims: { sub, groups: ['a'] },
  header: { alg: 'RS256' },
  expiresAt: new Date(0),
});

describe('createVerifiedTokenCache', () => {
  const clock = { ms: 0 };
  const now = (): number => clock.ms;
  /** Runs `call` (a read or a write of the cache) with the cache's clock at `ms`. */
  const at = <T>(ms: number, call: () => T): T => {
    clock.ms = ms;
    return call();
  };

  it('keeps an entry until validUntil, exclusive', () => {
    const cache = createVerifiedTokenCache({ now });
    at(1_000, () => cache.set('k', value('a'), 2_000));
    assert.equal(at(1_999, () => cache.get('k'))?.claims.sub, 'a');
    assert.equal(
      at(2_000, () => cache.get('k')),
      undefined
    );
    assert.equal(cache.size, 0, 'an expired entry is dropped when met');
  });

  it('never keeps an entry beyond maxAgeMs, whatever exp says', () => {
    const cache = createVerifiedTokenCache({ maxAgeMs: 500, now });
    at(1_000, () => cache.set('k', value('a'), 1_000_000));
    assert.ok(at(1_499, () => cache.get('k')));
    assert.equal(
      at(1_500, () => cache.get('k')),
      undefined
    );
  });

  it('evicts the least recently used entry beyond maxEntries', () => {
    const cache = createVerifiedTokenCache({ maxEntries: 2, now });
    at(0, () => cache.set('a', value('a'), 10_000));
    at(0, () => cache.set('b', value('b'), 10_000));
    at(1, () => cache.get('a')); // a is now the most recently used
    at(0, () => cache.set('c', value('c'), 10_000));
    assert.equal(cache.size, 2);
    assert.equal(
      at(1, () => cache.get('b')),
      undefined
    );
    assert.ok(at(1, () => cache.get('a')));
    assert.ok(at(1, () => cache.get('c')));
    assert.equal(cache.hits, 3);
  });

  it('deep-freezes what it keeps, so no request can change another request’s claims', () => {
    const cache = createVerifiedTokenCache({ now });
    at(0, () => cache.set('k', value('a'), 10_000));
    const claims = at(1, () => cache.get('k'))?.claims as { groups: string[] };
    assert.throws(() => claims.groups.push('admins'), TypeError);
  });

  it('refuses nonsense bounds', () => {
    assert.throws(() => createVerifiedTokenCache({ maxEntries: 0 }), RangeError);
    assert.throws(() => createVerifiedTokenCache({ maxAgeMs: -1 }), RangeError);
  });

  it('keys by a SHA-256 of the whole token, never the token itself', () => {
    const key = verifiedTokenKey('a.b.c');
    assert.match(key, /^[A-Za-z0-9_-]{43}$/);
    assert.notEqual(key, verifiedTokenKey('a.b.d'));
  });
});

describe('createTokenVerifier with cache', () => {
  let idp: TestIssuer;
  before(async () => {
    idp = await startTestIssuer();
    await idp.addKey('k1');
  });
  after(() => idp.close());
  const AUDIENCE = 'toolhive-aws';
  const nowS = Math.floor(Date.now() / 1000);
  const claims = (extra: JWTPayload = {}): JWTPayload => ({
    iss: idp.issuer,
    aud: AUDIENCE,
    sub: 'user-1',
    exp: nowS + 600,
    ...extra,
  });

  it('reuses a verification of the same token, and only of the same token', async () => {
    const verifier = createTokenVerifier({ issuer: idp.issuer, audience: AUDIENCE, cache: {} });
    try {
      const token = await idp.sign(claims(), 'k1');
      const first = await verifier.verify(token);
      const second = await verifier.verify(token);
      assert.equal(second.claims, first.claims, 'the cached claim set');
      assert.notEqual(second.expiresAt, first.expiresAt, 'a fresh Date each time');
      assert.equal(second.expiresAt.getTime(), first.expiresAt.getTime());
      assert.deepEqual(verifier.cacheStats?.(), { hits: 1, size: 1 });
      assert.equal(first.tokenKey, verifiedTokenKey(token), 'the key, for the credential cache');
      assert.equal(second.tokenKey, first.tokenKey);
      await verifier.verify(await idp.sign(claims({ sub: 'user-2' }), 'k1'));
      assert.deepEqual(verifier.cacheStats?.(), { hits: 1, size: 2 });
    } finally {
      verifier.close();
    }
  });

  it('past exp (plus tolerance) the token is verified again, and refused', async () => {
    let now = Date.now();
    const verifier = createTokenVerifier({
      issuer: idp.issuer,
      audience: AUDIENCE,
      clockToleranceSeconds: 0,
      cache: { maxAgeMs: 3_600_000 },
      now: () => now,
    });
    try {
      const exp = Math.floor(Date.now() / 1000) + 2;
      const token = await idp.sign(claims({ exp }), 'k1');
      await verifier.verify(token);
      now = exp * 1000; // the cache's clock reaches exp; the real clock (jose's) is waited for
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, now - Date.now() + 50)));
      await assert.rejects(verifier.verify(token), (e: unknown) => {
        assert.ok(e instanceof TokenError);
        assert.equal(e.reason, 'expired');
        return true;
      });
      assert.equal(verifier.cacheStats?.().hits, 0);
    } finally {
      verifier.close();
    }
  });

  it('a refusal is never kept: the same bad token is checked (and refused) every time', async () => {
    const verifier = createTokenVerifier({ issuer: idp.issuer, audience: AUDIENCE, cache: {} });
    try {
      const bad = await idp.sign(claims({ aud: 'someone-else' }), 'k1');
      for (let i = 0; i < 3; i++) {
        await assert.rejects(verifier.verify(bad), (e: unknown) => e instanceof TokenError);
      }
      assert.deepEqual(verifier.cacheStats?.(), { hits: 0, size: 0 });
    } finally {
      verifier.close();
    }
  });

  it('without the option nothing is cached', async () => {
    const verifier = createTokenVerifier({ issuer: idp.issuer, audience: AUDIENCE });
    try {
      const token = await idp.sign(claims(), 'k1');
      const first = await verifier.verify(token);
      const second = await verifier.verify(token);
      assert.notEqual(second.claims, first.claims);
      assert.equal(Object.isFrozen(first.claims), false);
      assert.equal(first.tokenKey, undefined);
      assert.deepEqual(verifier.cacheStats?.(), { hits: 0, size: 0 });
    } finally {
      verifier.close();
    }
  });

  it('a closed verifier refuses even a cached token', async () => {
    const verifier = createTokenVerifier({ issuer: idp.issuer, audience: AUDIENCE, cache: {} });
    const token = await idp.sign(claims(), 'k1');
    await verifier.verify(token);
    verifier.close();
    await assert.rejects(verifier.verify(token), (e: unknown) => {
      assert.ok(e instanceof TokenError);
      assert.equal(e.reason, 'unavailable');
      return true;
    });
  });
});
