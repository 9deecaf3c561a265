import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createMemoryAdapterFactory } from './memoryAdapter';

describe('memory adapter', () => {
  it('expires entries by the injected clock and revokes by grant', async () => {
    let now = 0;
    const factory = createMemoryAdapterFactory(() => now);
    const tokens = factory('AccessToken');
    const sessions = factory('Session');
    await tokens.upsert('t1', { grantId: 'g1' }, 60);
    await tokens.upsert('t2', { grantId: 'g2' });
    await sessions.upsert('s1', { uid: 'u1' }, 10);
    assert.deepEqual(await sessions.findByUid('u1'), { uid: 'u1' });
    now = 11_000;
    assert.equal(await sessions.findByUid('u1'), undefined);
    assert.deepEqual(await tokens.find('t1'), { grantId: 'g1' });
    await tokens.revokeByGrantId('g1');
    assert.equal(await tokens.find('t1'), undefined);
    assert.deepEqual(await tokens.find('t2'), { grantId: 'g2' });
    await tokens.consume('t2');
    assert.equal((await tokens.find('t2'))?.consumed, 11);
  });
});
