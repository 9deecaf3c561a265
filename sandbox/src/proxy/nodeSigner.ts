// The request path's SigV4: the signing folder's lean signer on node:crypto (one-shot SHA-256,
// native HMAC). The browser and the site keep @smithy/signature-v4 (signing/signer.ts).

import { createHmac, createSecretKey, hash } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { createUpstreamSigner } from '../signing';
import type { SigV4Hashing, SignForUpstreamSync } from '../signing';

/**
 * The signing key as a KeyObject, made once per derived key (the signer keeps each key's bytes
 * as one object): HMAC with a KeyObject skips importing the key bytes, about half its cost.
 */
const keyObjects = new WeakMap<Uint8Array, KeyObject>();

function keyObjectOf(key: Uint8Array): KeyObject {
  let keyObject = keyObjects.get(key);
  if (keyObject === undefined) {
    keyObject = createSecretKey(key);
    keyObjects.set(key, keyObject);
  }
  return keyObject;
}

/** node:crypto's SHA-256 (one-shot) and HMAC-SHA256, as the lean signer needs them. */
export const nodeSigV4Hashing: SigV4Hashing = {
  sha256Hex: (data) => hash('sha256', data, 'hex'),
  hmacSha256: (key, data) => createHmac('sha256', key).update(data).digest(),
  hmacSha256Hex: (key, data) => createHmac('sha256', keyObjectOf(key)).update(data).digest('hex'),
};

/**
 * signForUpstream's contract, synchronous, on node:crypto: what the proxy signs with.
 * @example const { headers } = signUpstream({ method, url, headers: incoming, body }, creds, { region });
 */
export const signUpstream: SignForUpstreamSync = createUpstreamSigner(nodeSigV4Hashing);
