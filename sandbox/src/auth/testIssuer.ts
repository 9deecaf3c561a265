// Test helper: a real OIDC issuer on 127.0.0.1:0 (node:http) serving discovery and a JWKS, with
// request counters, key rotation and token signing. It is for tests only and not exported.

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import type { CryptoKey, JWK, JWTHeaderParameters, JWTPayload, SignOptions } from 'jose';
import { discoveryUrl } from './discovery';

interface TestKey {
  alg: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  jwk: JWK;
}

export interface TestIssuer {
  /** The issuer identifier, e.g. `http://127.0.0.1:1234/oauth2/default`. */
  issuer: string;
  jwksUri: string;
  /** Requests served per endpoint since start or the last `resetHits()`. */
  hits: { discovery: number; jwks: number };
  resetHits(): void;
  /** Creates a key pair; published in the JWKS unless `publish` is false. */
  addKey(kid: string, options?: { alg?: string; publish?: boolean }): Promise<TestKey>;
  /** Adds an existing key to the served JWKS (key rotation). */
  publish(kid: string): void;
  /** Overrides the discovery response: a status, or fields merged into the document. */
  discovery: { status: number; document: Record<string, unknown> };
  /** Signs `claims` with key `kid`; header fields are merged over `{ alg, kid }`. */
  sign(
    claims: JWTPayload,
    kid: string,
    header?: Partial<JWTHeaderParameters> & Record<string, unknown>,
    options?: SignOptions
  ): Promise<string>;
  key(kid: string): TestKey;
  close(): Promise<void>;
}

/**
 * Starts a test issuer; `issuerPath` is appended to the origin verbatim ('' or '/' or '/oauth2/x').
 * @example const idp = await startTestIssuer(); await idp.addKey('k1'); const t = await idp.sign(claims, 'k1');
 */
export async function startTestIssuer(options: { issuerPath?: string } = {}): Promise<TestIssuer> {
  const keys = new Map<string, TestKey>();
  const published = new Set<string>();
  const hits = { discovery: 0, jwks: 0 };
  const discovery = { status: 200, document: {} as Record<string, unknown> };
  let issuer = '';
  let jwksPath = '';
  let discoveryPath = '';

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === discoveryPath) {
      hits.discovery += 1;
      res.writeHead(discovery.status, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          issuer,
          jwks_uri: `${issuer.replace(/\/$/, '')}/jwks`,
          ...discovery.document,
        })
      );
      return;
    }
    if (path === jwksPath) {
      hits.jwks += 1;
      const jwks = [...published].map((kid) => keys.get(kid)?.jwk).filter(Boolean);
      res.writeHead(200, { 'content-type': 'application/jwk-set+json' });
      res.end(JSON.stringify({ keys: jwks }));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  issuer = `http://127.0.0.1:${port}${options.issuerPath ?? ''}`;
  discoveryPath = new URL(discoveryUrl(issuer)).pathname;
  jwksPath = new URL(`${issuer.replace(/\/$/, '')}/jwks`).pathname;

  const testIssuer: TestIssuer = {
    issuer,
    jwksUri: `${issuer.replace(/\/$/, '')}/jwks`,
    hits,
    discovery,
    resetHits() {
      hits.discovery = 0;
      hits.jwks = 0;
    },
    async addKey(kid, { alg = 'RS256', publish = true } = {}) {
      const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
      const jwk = { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' };
      const key = { alg, privateKey, publicKey, jwk };
      keys.set(kid, key);
      if (publish) published.add(kid);
      return key;
    },
    publish(kid) {
      published.add(kid);
    },
    key(kid) {
      const key = keys.get(kid);
      if (key === undefined) throw new Error(`test issuer has no key ${kid}`);
      return key;
    },
    async sign(claims, kid, header = {}, signOptions) {
      const key = testIssuer.key(kid);
      return new SignJWT(claims)
        .setProtectedHeader({ alg: key.alg, kid, ...header })
        .sign(key.privateKey, signOptions);
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve()))
      );
    },
  };
  return testIssuer;
}
