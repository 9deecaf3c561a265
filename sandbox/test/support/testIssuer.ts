// Test support: a real OIDC issuer on 127.0.0.1:0 (node:http) serving discovery and the JWKS of
// the sandbox's in-memory token issuer, with request counters and a settable discovery answer.
// Keys, rotation and signing are the token issuer's. Tests and the bench only.

import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { discoveryUrl } from '../../src/auth/discovery';
import { createTokenIssuer } from '../../src/emulators/token-issuer';
import type { TokenIssuer } from '../../src/emulators/token-issuer';

export interface TestIssuer extends Omit<TokenIssuer, 'keySet' | 'jwks'> {
  /** The issuer identifier, e.g. `http://127.0.0.1:1234/oauth2/default`. */
  issuer: string;
  jwksUri: string;
  /** Requests served per endpoint since start or the last `resetHits()`. */
  hits: { discovery: number; jwks: number };
  resetHits(): void;
  /** Overrides the discovery response: a status, or fields merged into the document. */
  discovery: { status: number; document: Record<string, unknown> };
  close(): Promise<void>;
}

/**
 * Starts a test issuer; `issuerPath` is appended to the origin verbatim ('' or '/' or '/oauth2/x').
 * @example const idp = await startTestIssuer(); await idp.addKey('k1'); const t = await idp.sign(claims, 'k1');
 */
export async function startTestIssuer(options: { issuerPath?: string } = {}): Promise<TestIssuer> {
  const hits = { discovery: 0, jwks: 0 };
  const discovery = { status: 200, document: {} as Record<string, unknown> };
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const tokens = createTokenIssuer(`http://127.0.0.1:${port}${options.issuerPath ?? ''}`);
  const discoveryPath = new URL(discoveryUrl(tokens.issuer)).pathname;
  const jwksPath = new URL(jwksUriOf(tokens.issuer)).pathname;
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === discoveryPath) {
      hits.discovery += 1;
      res.writeHead(discovery.status, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          issuer: tokens.issuer,
          jwks_uri: jwksUriOf(tokens.issuer),
          ...discovery.document,
        })
      );
      return;
    }
    if (path === jwksPath) {
      hits.jwks += 1;
      res.writeHead(200, { 'content-type': 'application/jwk-set+json' });
      res.end(JSON.stringify(tokens.jwks()));
      return;
    }
    res.writeHead(404).end();
  });

  return {
    issuer: tokens.issuer,
    jwksUri: jwksUriOf(tokens.issuer),
    hits,
    discovery,
    resetHits() {
      hits.discovery = 0;
      hits.jwks = 0;
    },
    addKey: tokens.addKey,
    publish: tokens.publish,
    key: tokens.key,
    sign: tokens.sign,
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve()))
      );
    },
  };
}

function jwksUriOf(issuer: string): string {
  return `${issuer.replace(/\/$/, '')}/jwks`;
}
