import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createThrottle, type ThrottleDecision, type ThrottleOptions } from './throttle';

describe('createThrottle', () => {
  const cases: {
    name: string;
    options: ThrottleOptions;
    /** [key, time in ms] per request. */
    requests: [string, number][];
    expected: ThrottleDecision[];
  }[] = [
    {
      name: 'a burst of 3 then refusal until a token refills',
      options: { ratePerSecond: 3, burst: 3 },
      requests: [
        ['a', 0],
        ['a', 0],
        ['a', 0],
        ['a', 0],
        ['a', 334],
      ],
      expected: [
        { allowed: true },
        { allowed: true },
        { allowed: true },
        { allowed: false, retryAfterSeconds: 1 },
        { allowed: true },
      ],
    },
    {
      name: "by default AWS's documented 3 per second, at most 3 in any second",
      options: {},
      requests: [
        ['acct/us-east-1', 0],
        ['acct/us-east-1', 100],
        ['acct/us-east-1', 200],
        ['acct/us-east-1', 300],
        ['acct/us-east-1', 1200],
      ],
      expected: [
        { allowed: true },
        { allowed: true },
        { allowed: true },
        { allowed: false, retryAfterSeconds: 1 },
        { allowed: true },
      ],
    },
    {
      name: 'keys have separate buckets',
      options: { ratePerSecond: 1, burst: 1 },
      requests: [
        ['a', 0],
        ['b', 0],
        ['a', 0],
      ],
      expected: [{ allowed: true }, { allowed: true }, { allowed: false, retryAfterSeconds: 1 }],
    },
    {
      name: 'Retry-After rounds the wait for one token up to whole seconds',
      options: { ratePerSecond: 0.25, burst: 1 },
      requests: [
        ['a', 0],
        ['a', 1000],
      ],
      expected: [{ allowed: true }, { allowed: false, retryAfterSeconds: 3 }],
    },
    {
      name: 'a bucket never holds more than the burst',
      options: { ratePerSecond: 10, burst: 2 },
      requests: [
        ['a', 0],
        ['a', 60_000],
        ['a', 60_000],
        ['a', 60_000],
      ],
      expected: [
        { allowed: true },
        { allowed: true },
        { allowed: true },
        { allowed: false, retryAfterSeconds: 1 },
      ],
    },
    {
      name: 'a clock going backwards refills nothing',
      options: { ratePerSecond: 1, burst: 1 },
      requests: [
        ['a', 5000],
        ['a', 1000],
      ],
      expected: [{ allowed: true }, { allowed: false, retryAfterSeconds: 1 }],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const throttle = createThrottle(c.options);
      assert.deepEqual(
        c.requests.map(([key, at]) => throttle.take(key, at)),
        c.expected
      );
    });
  }

  it('rejects a zero rate', () => {
    assert.throws(() => createThrottle({ ratePerSecond: 0 }), RangeError);
  });
});
