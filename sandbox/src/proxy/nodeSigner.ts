// The request path's SigV4: the signing folder's lean signer on node:crypto (one-shot SHA-256,
// native HMAC). The browser and the site keep @smithy/signature-v4 (signing/signer.ts).

import { createHmac, hash } from 'node:crypto';
import { createUpstreamSigner } from '../signing';
import type { SigV4Hashing, SignForUpstreamSync } from '../signing';

/** node:crypto's SHA-256 and HMAC-SHA256, as the lean signer needs them. */
export const nodeSigV4Hashing: SigV4Hashing = {
  sha256Hex: (data) => hash('sha256', data, 'hex'),
  hmacSha256: (key, data) => createHmac('sha256', key).update(data).digest(),
  hmacSha256Hex: (key, data) => createHmac('sha256', key).update(data).digest('hex'),
};

/**
 * signForUpstream's contract, synchronous, on node:crypto: what the proxy signs with.
 * @example const { headers } = signUpstream({ method, url, headers: incoming, body }, creds, { region });
 */
export const signUpstream: SignForUpstreamSync = createUpstreamSigner(nodeSigV4Hashing);
