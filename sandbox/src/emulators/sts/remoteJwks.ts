// The STS server's default way to find an issuer's keys, like STS: OIDC discovery, then the
// `jwks_uri` via jose's createRemoteJWKSet, cached per issuer. Only registered issuers are asked.

import { createRemoteJWKSet, customFetch } from 'jose';
import { createDiscovery } from '../../auth';
import type { Discovery } from '../../auth';
import type { JwksKeyGetter, ResolveJwks } from '../sts-core';

export interface RemoteJwksOptions {
  fetch?: typeof globalThis.fetch;
  /** Per request. Default 5000 ms (STS gives IdPs about 5 seconds). */
  timeoutMs?: number;
}

/**
 * A ResolveJwks that discovers each issuer's JWKS once and reuses it (jose refreshes keys on an
 * unknown `kid`); a failed discovery is retried on the next call.
 * @example createStsServer({ state, resolveJwks: createRemoteJwksResolver() })
 */
export function createRemoteJwksResolver(options: RemoteJwksOptions = {}): ResolveJwks {
  const discoveries = new Map<string, Discovery>();
  const keySets = new Map<string, JwksKeyGetter>();
  const timeoutDuration = options.timeoutMs ?? 5000;
  return async (issuer) => {
    const known = keySets.get(issuer);
    if (known !== undefined) return known;
    let discovery = discoveries.get(issuer);
    if (discovery === undefined) {
      discovery = createDiscovery({
        issuer,
        timeoutMs: timeoutDuration,
        ...(options.fetch ? { fetch: options.fetch } : {}),
      });
      discoveries.set(issuer, discovery);
    }
    const { jwksUri } = await discovery.get();
    const keys = createRemoteJWKSet(jwksUri, {
      timeoutDuration,
      ...(options.fetch ? { [customFetch]: options.fetch } : {}),
    });
    keySets.set(issuer, keys);
    return keys;
  };
}
