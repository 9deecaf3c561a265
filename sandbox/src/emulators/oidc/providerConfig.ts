// The oidc-provider configuration of the local OIDC provider: accounts, JWT access tokens for one
// audience (resource indicators), PKCE, client credentials, loopback-friendly settings. No I/O.
import { errors } from 'oidc-provider';
import type { ClientMetadata, Configuration, JsonObject } from 'oidc-provider';
import { isLoopbackUrl } from '../../shared';
import { escapeHtml } from './interactionPages';
import { createMemoryAdapterFactory } from './memoryAdapter';
import { audienceForResource, resourceIndicatorFor } from './resourceIndicator';
import { findUserBySub, userTokenClaims, type DemoUser } from './users';

export interface ProviderConfigInput {
  audience: string;
  users: readonly DemoUser[];
  clients: readonly ClientMetadata[];
  jwks: { keys: JsonObject[] };
  cookieKeys: string[];
  accessTokenTtlSeconds: number;
  /** Path of the interaction pages, `/interaction/<uid>`. */
  interactionPath: (uid: string) => string;
}

/**
 * Builds the provider configuration. Notes on running on plain http over loopback:
 * oidc-provider accepts an `http://` issuer (it only requires a valid web URI), marks cookies
 * `secure` only when the request is TLS, and allows `http://localhost`/`127.0.0.1` redirect
 * URIs for `native` clients (RFC 8252); nothing else needs to be switched off.
 * @example new Provider(issuer, buildProviderConfiguration({ audience: 'toolhive-aws', … }))
 */
export function buildProviderConfiguration(input: ProviderConfigInput): Configuration {
  const defaultResource = resourceIndicatorFor(input.audience);
  const { users } = input;
  return {
    adapter: createMemoryAdapterFactory(),
    clients: input.clients.map((client) => ({ ...client })),
    jwks: input.jwks,
    cookies: { keys: input.cookieKeys },
    scopes: ['openid', 'offline_access', 'profile', 'email', 'groups'],
    claims: {
      openid: ['sub'],
      profile: ['name', 'preferred_username'],
      email: ['email', 'email_verified'],
      groups: ['groups'],
    },
    // `audience=` on /auth, as Auth0 and oauth2c's `--audience` send it.
    extraParams: ['audience'],
    async findAccount(_ctx, sub) {
      const user = findUserBySub(users, sub);
      if (!user) return undefined;
      return {
        accountId: user.sub,
        async claims() {
          return { sub: user.sub, ...userTokenClaims(user) };
        },
      };
    },
    // Access tokens carry `groups` and the user's other claims whatever scopes were asked for,
    // as IdPs configured for ToolHive do. Client credentials tokens carry none.
    async extraTokenClaims(_ctx, token) {
      if (!token.accountId) return undefined;
      const user = findUserBySub(users, token.accountId);
      return user ? userTokenClaims(user) : undefined;
    },
    clientBasedCORS: (_ctx, origin) => isLoopbackUrl(origin),
    // Errors that cannot be redirected to the client (bad client_id or redirect_uri): JSON for
    // scripts, a short page for browsers.
    async renderError(ctx, out) {
      if (ctx.get('accept').includes('application/json')) {
        ctx.type = 'json';
        ctx.body = { error: out.error, error_description: out.error_description };
        return;
      }
      ctx.type = 'html';
      ctx.body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(out.error)}</title></head><body><h1>${escapeHtml(out.error)}</h1><p>${escapeHtml(out.error_description ?? '')}</p></body></html>`;
    },
    pkce: { required: () => true },
    ttl: {
      AccessToken: input.accessTokenTtlSeconds,
      ClientCredentials: input.accessTokenTtlSeconds,
      AuthorizationCode: 60,
      IdToken: 3600,
      Interaction: 600,
      Session: 86_400,
      Grant: 86_400,
      RefreshToken: 86_400,
    },
    interactions: { url: (_ctx, interaction) => input.interactionPath(interaction.uid) },
    features: {
      // The emulator serves its own login and consent pages (interactions.ts).
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      introspection: { enabled: true },
      revocation: { enabled: true },
      resourceIndicators: {
        enabled: true,
        // No `resource` parameter: the `audience` parameter, else the configured audience.
        async defaultResource(ctx: { oidc: { params?: Record<string, unknown> } }) {
          const requested = ctx.oidc.params?.audience;
          return typeof requested === 'string' && requested !== ''
            ? resourceIndicatorFor(requested)
            : defaultResource;
        },
        // The token endpoint reuses the resource of the authorization request.
        async useGrantedResource() {
          return true;
        },
        async getResourceServerInfo(_ctx: unknown, resource: string) {
          if (resource !== defaultResource) {
            throw new errors.InvalidTarget(
              `unknown resource or audience "${audienceForResource(resource)}"; this provider issues tokens for "${input.audience}"`
            );
          }
          return {
            scope: '',
            audience: input.audience,
            accessTokenTTL: input.accessTokenTtlSeconds,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
  };
}
