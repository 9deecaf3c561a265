import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { createCredentialCache } from './cache';
import type { CredentialCacheOptions, CredentialRequest } from './cache';
import { StsCredentials } from './credentials';
import { StsExchangeError } from './errors';
import type { ExchangeTokenInput } from './exchange';
import {
  assumeRoleWithWebIdentityResponse,
  stsErrorResponse,
} from '../../test/support/stsResponses';

const T0 = Date.parse('2030-01-01T00:00:00Z');
const ROLE_A = 'arn:aws:iam::123456789012:role/A';
const ROLE_B = 'arn:aws:iam::123456789012:role/B';

/** A fake STS: counts calls, issues credentials valid for `lifetimeMs`, can be held or failed. */
function fakeSts(clock: { now: number }, lifetimeMs = 3600_000) {
  const calls: ExchangeTokenInput[] = [];
  let gate: Promise<void> | undefined;
  let failWith: Error | undefined;
  return {
    calls,
    hold(): () => void {
      let release!: () => void;
      gate = new Promise<void>((r) => (release = r));
      return () => {
        gate = undefined;
        release();
      };
    },
    failNext(error: Error): void {
      failWith = error;
    },
    exchange: async (input: ExchangeTokenInput): Promise<StsCredentials> => {
      calls.push(input);
      const n = calls.length;
      if (gate) await gate;
      if (failWith) {
        const e = failWith;
        failWith = undefined;
        throw e;
      }
      return new StsCredentials({
        accessKeyId: `ASIA${n}`,
        secretAccessKey: 'secret',
        sessionToken: 'session',
        expiration: new Date(clock.now + lifetimeMs),
      });
    },
  };
}

function setup(over: Partial<CredentialCacheOptions> = {}, lifetimeMs?: number) {
  const clock = { now: T0 };
  const sts = fakeSts(clock, lifetimeMs);
  const cache = createCredentialCache({ now: () => clock.now, exchange: sts.exchange, ...over });
  return { clock, sts, cache };
}

const req = (over: Partial<CredentialRequest> = {}): CredentialRequest => ({
  token: 'token-1',
  roleArn: ROLE_A,
  sessionName: 'alice',
  region: 'us-east-1',
  ...over,
});

describe('credential cache', () => {
  it('peek: a synchronous hit under keyFor(token hash, role), nothing counted on a miss', async () => {
    const { clock, sts, cache } = setup({ hashToken: () => 'h1' });
    const key = cache.keyFor('h1', ROLE_A);
    assert.equal(key, cache.keyFor('h1', ROLE_A));
    assert.notEqual(key, cache.keyFor('h1', ROLE_B));
    assert.equal(cache.peek(key), undefined);
    assert.deepEqual([cache.stats().hits, cache.stats().misses], [0, 0]);
    const issued = await cache.getCredentials(req({ tokenExp: Math.floor(T0 / 1000) + 3600 }));
    assert.equal(cache.peek(key), issued);
    assert.equal(cache.stats().hits, 1);
    clock.now += 3600_000; // past the token's exp minus the margin
    assert.equal(cache.peek(key), undefined);
    assert.equal(cache.stats().expired, 1);
    assert.equal(sts.calls.length, 1);
  });

  it('peek is always empty when the cache is disabled', async () => {
    const { cache } = setup({ disabled: true, hashToken: () => 'h1' });
    await cache.getCredentials(req());
    assert.equal(cache.peek(cache.keyFor('h1', ROLE_A)), undefined);
  });

  it('keys by hashToken when given (e.g. a native SHA-256), never by the raw token', async () => {
    const hashed: string[] = [];
    const { sts, cache } = setup({
      hashToken: (token) => {
        hashed.push(token);
        return token.startsWith('token-') ? 'same-hash' : token;
      },
    });
    await cache.getCredentials(req({ token: 'token-1' }));
    await cache.getCredentials(req({ token: 'token-2' })); // same hash: served from the entry
    assert.deepEqual(hashed, ['token-1', 'token-2']);
    assert.equal(sts.calls.length, 1);
    assert.equal(cache.stats().hits, 1);
  });

  it('tells each caller, synchronously, how its credentials are obtained', async () => {
    const { sts, cache } = setup();
    const seen: string[] = [];
    const note = (outcome: string) => seen.push(outcome);
    const release = sts.hold();
    const first = cache.getCredentials(req(), note);
    const second = cache.getCredentials(req(), note);
    assert.deepEqual(seen, ['miss', 'shared'], 'known before anything is awaited');
    release();
    await Promise.all([first, second]);
    await cache.getCredentials(req(), note);
    const off = setup({ disabled: true });
    await off.cache.getCredentials(req(), note);
    assert.deepEqual(seen, ['miss', 'shared', 'hit', 'off']);
  });

  it('uses a precomputed tokenHash instead of hashing the token again', async () => {
    let hashed = 0;
    const { sts, cache } = setup({ hashToken: () => String(++hashed) });
    await cache.getCredentials(req({ token: 'token-1', tokenHash: 'h' }));
    await cache.getCredentials(req({ token: 'token-1', tokenHash: 'h' }));
    assert.equal(hashed, 0);
    assert.equal(sts.calls.length, 1);
    assert.equal('tokenHash' in (sts.calls[0] ?? {}), false, 'not passed on to STS');
  });

  it('serves a second request for the same token and role from the cache', async () => {
    const { sts, cache } = setup();
    const first = await cache.getCredentials(req());
    const second = await cache.getCredentials(req());
    assert.equal(second, first);
    assert.equal(sts.calls.length, 1);
    assert.deepEqual(
      { ...cache.stats() },
      { hits: 1, misses: 1, stsCalls: 1, evictions: 0, expired: 0, inFlight: 0, size: 1 }
    );
  });

  it('keys by token and role: another token or another role is a miss', async () => {
    const { sts, cache } = setup();
    await cache.getCredentials(req());
    await cache.getCredentials(req({ token: 'token-2' }));
    await cache.getCredentials(req({ roleArn: ROLE_B }));
    assert.equal(sts.calls.length, 3);
    assert.equal(cache.stats().size, 3);
  });

  it('passes the exchange input through without tokenExp', async () => {
    const { sts, cache } = setup();
    await cache.getCredentials(req({ tokenExp: T0 / 1000 + 3600, durationSeconds: 1800 }));
    assert.deepEqual(sts.calls[0], {
      token: 'token-1',
      roleArn: ROLE_A,
      sessionName: 'alice',
      region: 'us-east-1',
      durationSeconds: 1800,
    });
  });

  const expiryCases = [
    {
      name: 'credential expiration, default 60 s margin',
      lifetimeMs: 3600_000,
      tokenExp: undefined,
      stillValidAt: 3600_000 - 60_000 - 1,
      refreshedAt: 3600_000 - 60_000,
      margin: undefined,
    },
    {
      name: 'token exp when it is earlier than the credentials',
      lifetimeMs: 3600_000,
      tokenExp: T0 / 1000 + 600,
      stillValidAt: 600_000 - 60_000 - 1,
      refreshedAt: 600_000 - 60_000,
      margin: undefined,
    },
    {
      name: 'credential expiration when it is earlier than the token',
      lifetimeMs: 900_000,
      tokenExp: T0 / 1000 + 7200,
      stillValidAt: 900_000 - 60_000 - 1,
      refreshedAt: 900_000 - 60_000,
      margin: undefined,
    },
    {
      name: 'a configured margin of 300 s',
      lifetimeMs: 3600_000,
      tokenExp: undefined,
      stillValidAt: 3600_000 - 300_000 - 1,
      refreshedAt: 3600_000 - 300_000,
      margin: 300,
    },
  ];
  for (const c of expiryCases) {
    it(`expires entries by ${c.name}`, async () => {
      const { clock, sts, cache } = setup(
        c.margin === undefined ? {} : { safetyMarginSeconds: c.margin },
        c.lifetimeMs
      );
      const r = req(c.tokenExp === undefined ? {} : { tokenExp: c.tokenExp });
      await cache.getCredentials(r);
      clock.now = T0 + c.stillValidAt;
      await cache.getCredentials(r);
      assert.equal(sts.calls.length, 1, 'still valid just before the margin');
      clock.now = T0 + c.refreshedAt;
      const refreshed = await cache.getCredentials(r);
      assert.equal(sts.calls.length, 2, 'refreshed at the margin');
      assert.equal(refreshed.accessKeyId, 'ASIA2');
      assert.equal(cache.stats().expired, 1);
    });
  }

  it('does not keep credentials that are already inside the margin', async () => {
    const { sts, cache } = setup({}, 30_000);
    await cache.getCredentials(req());
    await cache.getCredentials(req());
    assert.equal(sts.calls.length, 2);
    assert.equal(cache.stats().size, 0);
  });

  it('shares one STS call among concurrent misses for the same key', async () => {
    const { sts, cache } = setup();
    const release = sts.hold();
    const pending = Array.from({ length: 10 }, () => cache.getCredentials(req()));
    await Promise.resolve();
    assert.equal(cache.stats().inFlight, 1);
    release();
    const results = await Promise.all(pending);
    assert.equal(sts.calls.length, 1);
    assert.ok(results.every((r) => r === results[0]));
    assert.deepEqual(
      { ...cache.stats() },
      { hits: 0, misses: 10, stsCalls: 1, evictions: 0, expired: 0, inFlight: 0, size: 1 }
    );
  });

  it('gives every waiting caller the error of a failed call and caches nothing', async () => {
    const { sts, cache } = setup();
    const release = sts.hold();
    sts.failNext(new Error('sts down'));
    const pending = Array.from({ length: 5 }, () => cache.getCredentials(req()));
    release();
    const settled = await Promise.allSettled(pending);
    assert.equal(sts.calls.length, 1);
    for (const s of settled) {
      assert.equal(s.status, 'rejected');
      assert.equal((s as PromiseRejectedResult).reason.message, 'sts down');
    }
    assert.equal(cache.stats().size, 0);
    await cache.getCredentials(req());
    assert.equal(sts.calls.length, 2, 'the next request calls STS again');
  });

  it('evicts the least recently used entry beyond maxEntries', async () => {
    const { sts, cache } = setup({ maxEntries: 2 });
    await cache.getCredentials(req({ token: 't1' }));
    await cache.getCredentials(req({ token: 't2' }));
    await cache.getCredentials(req({ token: 't1' })); // t1 is now the most recent
    await cache.getCredentials(req({ token: 't3' })); // evicts t2
    assert.equal(cache.stats().evictions, 1);
    assert.equal(cache.stats().size, 2);
    await cache.getCredentials(req({ token: 't1' }));
    assert.equal(sts.calls.length, 3, 't1 survived');
    await cache.getCredentials(req({ token: 't2' }));
    assert.equal(sts.calls.length, 4, 't2 was evicted');
  });

  it('disabled: every request calls STS, concurrent ones too', async () => {
    const { sts, cache } = setup({ disabled: true });
    await Promise.all(Array.from({ length: 4 }, () => cache.getCredentials(req())));
    await cache.getCredentials(req());
    assert.equal(sts.calls.length, 5);
    assert.equal(cache.stats().stsCalls, 5);
    assert.equal(cache.stats().size, 0);
  });

  it('clear() drops every entry', async () => {
    const { sts, cache } = setup();
    await cache.getCredentials(req());
    cache.clear();
    await cache.getCredentials(req());
    assert.equal(sts.calls.length, 2);
  });

  it('never uses the raw token as (part of) a key', async () => {
    const seenKeys: string[] = [];
    const realSet = Map.prototype.set;
    Map.prototype.set = function <K, V>(this: Map<K, V>, key: K, value: V) {
      if (typeof key === 'string') seenKeys.push(key);
      return realSet.call(this, key, value) as Map<K, V>;
    };
    try {
      const { cache } = setup();
      await cache.getCredentials(req({ token: 'super-secret-token-value' }));
    } finally {
      Map.prototype.set = realSet;
    }
    assert.ok(seenKeys.length > 0);
    for (const key of seenKeys) assert.ok(!key.includes('super-secret-token-value'), key);
    assert.match(seenKeys[0]!, /^[0-9a-f]{64}\narn:aws:iam::123456789012:role\/A$/);
  });

  it('rejects a non-positive maxEntries', () => {
    assert.throws(() => createCredentialCache({ maxEntries: 0 }), RangeError);
  });
});

describe('credential cache in front of the real STS client', () => {
  const ENDPOINT = 'https://sts.mock.invalid/';
  const DENYING_ENDPOINT = 'https://sts.denied.invalid/';
  let stsRequests = 0;
  let deniedRequests = 0;
  const server = setupServer(
    http.post(ENDPOINT, () => {
      stsRequests++;
      return assumeRoleWithWebIdentityResponse({
        accessKeyId: 'ASIAREAL',
        secretAccessKey: 'secret',
        sessionToken: 'session',
        expiration: new Date(Date.now() + 3600_000),
      });
    }),
    http.post(DENYING_ENDPOINT, () => {
      deniedRequests++;
      return stsErrorResponse(
        'AccessDenied',
        403,
        'Not authorized to perform sts:AssumeRoleWithWebIdentity'
      );
    })
  );
  before(() => server.listen({ onUnhandledRequest: 'error' }));
  after(() => server.close());

  const base = { roleArn: ROLE_A, sessionName: 'alice', region: 'us-east-1' };

  it('N concurrent callers → one STS request, then hits', async () => {
    const cache = createCredentialCache();
    const call = () => cache.getCredentials({ ...base, endpoint: ENDPOINT, token: 'tok.tok.tok' });
    const results = await Promise.all(Array.from({ length: 8 }, call));
    await call();
    assert.equal(stsRequests, 1);
    assert.ok(results.every((r) => r.accessKeyId === 'ASIAREAL'));
    assert.equal(cache.stats().hits, 1);
  });

  it('an STS refusal reaches every waiting caller as StsExchangeError and is not cached', async () => {
    const cache = createCredentialCache();
    const call = () =>
      cache.getCredentials({ ...base, endpoint: DENYING_ENDPOINT, token: 'tok.tok.tok' });
    const settled = await Promise.allSettled(Array.from({ length: 3 }, call));
    assert.equal(deniedRequests, 1);
    for (const s of settled) {
      assert.ok(s.status === 'rejected' && s.reason instanceof StsExchangeError);
      assert.equal(s.reason.stsCode, 'AccessDenied');
    }
    await assert.rejects(call(), StsExchangeError);
    assert.equal(deniedRequests, 2);
  });
});
