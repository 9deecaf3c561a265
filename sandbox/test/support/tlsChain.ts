// Test support: throw-away X.509 certificates made with the openssl CLI (a root CA, an
// intermediate CA and a server certificate for 127.0.0.1, or a self-signed one) and HTTPS servers
// on loopback that present them. For tests of code that reads certificates; Node only.

import { execFileSync, spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/** A key and the certificates a server sends: its own first, then any intermediates. */
export interface ServerIdentity {
  key: string;
  /** PEM certificates, leaf first. */
  chain: string[];
}

/**
 * Throws, naming the Debian packages to install, unless every command is on PATH. Tests that need
 * them fail with this instead of skipping.
 * @example requireCommands(['curl', 'openssl'])
 */
export function requireCommands(commands: readonly string[]): void {
  const missing = commands.filter(
    (command) => spawnSync('sh', ['-c', `command -v ${command}`]).status !== 0
  );
  if (missing.length > 0) {
    throw new Error(
      `These tests need ${missing.join(' and ')}. Install with\n  sudo apt-get install -y ${missing.join(' ')}`
    );
  }
}

const EC_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
const CA_EXTENSIONS = 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n';
const SERVER_EXTENSIONS = 'basicConstraints=CA:FALSE\nsubjectAltName=IP:127.0.0.1\n';

function openssl(dir: string, args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
}

function read(dir: string, name: string): string {
  return readFileSync(join(dir, name), 'utf8');
}

/** Signs `<name>.csr` with the CA `<ca>` into `<name>.pem`. */
function sign(dir: string, name: string, ca: string, extensions: string, serial: number): void {
  writeFileSync(join(dir, `${name}.ext`), extensions);
  openssl(dir, [
    'x509',
    '-req',
    '-in',
    `${name}.csr`,
    '-CA',
    `${ca}.pem`,
    '-CAkey',
    `${ca}.key`,
    '-set_serial',
    String(serial),
    '-days',
    '2',
    '-out',
    `${name}.pem`,
    '-extfile',
    `${name}.ext`,
  ]);
}

/**
 * Root CA → intermediate CA → server certificate for 127.0.0.1, written under `dir`. The server
 * sends its certificate and the intermediate, as public IdPs do.
 * @example const { root, server, intermediate } = makeCaChain(tmp)
 */
export function makeCaChain(dir: string): {
  root: string;
  intermediate: string;
  server: ServerIdentity;
} {
  openssl(dir, [
    'req',
    '-x509',
    ...EC_KEY,
    '-keyout',
    'root.key',
    '-out',
    'root.pem',
    '-days',
    '2',
    '-subj',
    '/CN=Test Root CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  for (const [name, subject] of [
    ['intermediate', '/CN=Test Intermediate CA'],
    ['server', '/CN=127.0.0.1'],
  ] as const) {
    openssl(dir, [
      'req',
      ...EC_KEY,
      '-keyout',
      `${name}.key`,
      '-out',
      `${name}.csr`,
      '-subj',
      subject,
    ]);
  }
  sign(dir, 'intermediate', 'root', CA_EXTENSIONS, 2);
  sign(dir, 'server', 'intermediate', SERVER_EXTENSIONS, 3);
  const intermediate = read(dir, 'intermediate.pem');
  return {
    root: read(dir, 'root.pem'),
    intermediate,
    server: { key: read(dir, 'server.key'), chain: [read(dir, 'server.pem'), intermediate] },
  };
}

/**
 * A self-signed server certificate for 127.0.0.1, written under `dir` as `<name>.pem`.
 * @example const selfSigned = makeSelfSigned(tmp, 'jwks')
 */
export function makeSelfSigned(dir: string, name: string): ServerIdentity {
  openssl(dir, [
    'req',
    '-x509',
    ...EC_KEY,
    '-keyout',
    `${name}.key`,
    '-out',
    `${name}.pem`,
    '-days',
    '2',
    '-subj',
    '/CN=127.0.0.1',
    '-addext',
    'subjectAltName=IP:127.0.0.1',
  ]);
  return { key: read(dir, `${name}.key`), chain: [read(dir, `${name}.pem`)] };
}

/**
 * A certificate's SHA-1 thumbprint as IAM writes it: 40 lower-case hexadecimal characters.
 * @example sha1Thumbprint(pem) // '9e99a48a9960b14926bb7f3b02e22da2b0ab7280'
 */
export function sha1Thumbprint(pem: string): string {
  return new X509Certificate(pem).fingerprint.replaceAll(':', '').toLowerCase();
}

/** A running HTTPS server: its origin (`https://127.0.0.1:<port>`) and how to stop it. */
export interface HttpsTestServer {
  origin: string;
  close(): Promise<void>;
}

/**
 * Starts an HTTPS server on 127.0.0.1 (free port) presenting `identity`; `routes` maps a path to
 * the JSON text answered there (a function gets the server's origin); anything else is 404.
 * @example const idp = await startHttpsServer(server, { '/.well-known/openid-configuration': (o) => `{"jwks_uri":"${o}/jwks"}` })
 */
export async function startHttpsServer(
  identity: ServerIdentity,
  routes: Record<string, string | ((origin: string) => string)>
): Promise<HttpsTestServer> {
  let origin = '';
  const server = createServer(
    { key: identity.key, cert: identity.chain.join('') },
    (req: IncomingMessage, res: ServerResponse) => {
      const route = routes[new URL(req.url ?? '/', origin).pathname];
      if (route === undefined) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(typeof route === 'function' ? route(origin) : route);
    }
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
