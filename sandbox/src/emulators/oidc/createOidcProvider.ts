// Runs the local OIDC provider: an oidc-provider instance (discovery, JWKS, /auth, /token) plus
// the emulator's interaction pages on one loopback HTTP server. It does not fetch tokens.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Provider, type ClientMetadata } from 'oidc-provider';
import { AwsStsError } from '../../errors';
import { closeServer, listenOn } from '../../http-server';
import { reachableHost } from '../../shared';
import { defaultClients } from './clients';
import { handleInteraction, interactionPath } from './interactions';
import { buildProviderConfiguration } from './providerConfig';
import { DEFAULT_AUDIENCE } from './resourceIndicator';
import { generateSigningJwks } from './signingKeys';
import { DEFAULT_USERS, validateUsers, type DemoUser } from './users';

export interface CreateOidcProviderOptions {
  /** The issuer, exactly as tokens carry it. Default `http://127.0.0.1:<port>` once listening. */
  issuer?: string;
  /** Default port for `listen()`; 0 (a free port) unless set. */
  port?: number;
  /** The access tokens' `aud`. Default `toolhive-aws`. */
  audience?: string;
  /** Replaces the demo users (alice, bob, carol). */
  users?: readonly DemoUser[];
  /** Replaces the default clients (`sandbox-cli` public PKCE, `sandbox-service` confidential). */
  clients?: readonly ClientMetadata[];
  /** Access token lifetime. Default 3600. */
  accessTokenTtlSeconds?: number;
}

export interface OidcProviderHandle {
  /** Starts serving; resolves with the issuer (the discovery document's `issuer`, exactly). */
  listen(port?: number, host?: string): Promise<{ issuer: string; port: number }>;
  close(): Promise<void>;
  /** The issuer; throws before `listen()` when it was not given. */
  readonly issuer: string;
  readonly audience: string;
  readonly users: readonly DemoUser[];
  /** The registered clients, secrets included (never log them). */
  readonly clients: readonly ClientMetadata[];
}

/**
 * Creates a certified OpenID Provider (oidc-provider) with demo users and clients, issuing RS256
 * JWT access tokens for one audience. Keys are generated at `listen()`.
 * @example
 * const idp = createOidcProvider({ audience: 'toolhive-aws' });
 * const { issuer } = await idp.listen(0, '127.0.0.1');
 */
export function createOidcProvider(options: CreateOidcProviderOptions = {}): OidcProviderHandle {
  const audience = options.audience ?? DEFAULT_AUDIENCE;
  const users = options.users ?? DEFAULT_USERS;
  const clients = options.clients ?? defaultClients();
  const problems = validateUsers(users);
  if (problems.length > 0) {
    throw new AwsStsError('INVALID_INPUT', `invalid OIDC demo users: ${problems.join('; ')}`);
  }
  let issuer = options.issuer;
  let server: Server | undefined;

  async function listen(
    port = options.port ?? 0,
    host = '127.0.0.1'
  ): Promise<{ issuer: string; port: number }> {
    if (server) throw new AwsStsError('INVALID_INPUT', 'the OIDC provider is already listening');
    const jwks = await generateSigningJwks();
    // Requests that arrive before the provider exists (it needs the bound port) get 503.
    const route: { handler?: (req: IncomingMessage, res: ServerResponse) => void } = {};
    const current = createServer((req, res) => {
      if (!route.handler) {
        res.writeHead(503, { 'content-type': 'text/plain' }).end('starting');
        return;
      }
      route.handler(req, res);
    });
    server = current;
    const bound = (await listenOn(current, port, host)).port;
    issuer ??= `http://${reachableHost(host)}:${bound}`;
    const provider = new Provider(
      issuer,
      buildProviderConfiguration({
        audience,
        users,
        clients,
        jwks,
        cookieKeys: [randomBytes(32).toString('base64url')],
        accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 3600,
        interactionPath,
      })
    );
    // oidc-provider logs server errors (e.g. a failing findAccount) to stderr on its own.
    const providerCallback = provider.callback();
    const context = { provider, users, audience };
    route.handler = (req, res) => {
      handleInteraction(context, req, res)
        .then((handled) => {
          if (!handled) providerCallback(req, res);
        })
        .catch(() => {
          if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
          res.end('interaction failed');
        });
    };
    return { issuer, port: bound };
  }

  async function close(): Promise<void> {
    const current = server;
    server = undefined;
    if (current) await closeServer(current);
  }

  return {
    listen,
    close,
    get issuer() {
      if (issuer === undefined) {
        throw new AwsStsError('INVALID_INPUT', 'the OIDC provider has no issuer until it listens');
      }
      return issuer;
    },
    audience,
    users,
    clients,
  };
}
