// CIDR parsing and containment for IpAddress/NotIpAddress (IPv4 and IPv6, default /32 and /128).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { ipInRange, parseCidr } from './ipAddress';

const cases: Array<{ address: string; range: string; expected: boolean }> = [
  { address: '203.0.113.0', range: '203.0.113.0/24', expected: true },
  { address: '203.0.113.255', range: '203.0.113.0/24', expected: true },
  { address: '203.0.114.0', range: '203.0.113.0/24', expected: false },
  { address: '203.0.113.9', range: '203.0.113.9', expected: true },
  { address: '203.0.113.10', range: '203.0.113.9', expected: false },
  { address: '10.1.2.3', range: '0.0.0.0/0', expected: true },
  { address: '2001:db8:1234:5678:ffff::1', range: '2001:DB8:1234:5678::/64', expected: true },
  { address: '2001:db8:1234:5679::1', range: '2001:DB8:1234:5678::/64', expected: false },
  { address: '::1', range: '::1', expected: true },
  { address: '2001:db8::1', range: '203.0.113.0/24', expected: false },
  { address: 'not-an-ip', range: '203.0.113.0/24', expected: false },
  { address: '203.0.113.1', range: '203.0.113.0/33', expected: false },
  { address: '256.0.0.1', range: '0.0.0.0/0', expected: false },
];

for (const c of cases) {
  test(`ipInRange(${c.address}, ${c.range}) is ${c.expected}`, () => {
    assert.equal(ipInRange(c.address, c.range), c.expected);
  });
}

test('parseCidr rejects malformed IPv6', () => {
  for (const bad of ['1::2::3', '1:2:3:4:5:6:7', '1:2:3:4:5:6:7:8:9', '12345::']) {
    assert.equal(parseCidr(bad), undefined, bad);
  }
});
