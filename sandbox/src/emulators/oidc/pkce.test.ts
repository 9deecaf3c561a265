import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPkcePair, s256Challenge } from './pkce';

describe('PKCE', () => {
  it('matches the RFC 7636 appendix B example', async () => {
    assert.equal(
      await s256Challenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'),
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'
    );
  });

  it('creates a 43-character verifier and its challenge', async () => {
    const { verifier, challenge } = await createPkcePair();
    assert.match(verifier, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(challenge, await s256Challenge(verifier));
  });
});
