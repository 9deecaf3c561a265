// The OAuth clients registered with the local OIDC provider: a public PKCE client for people
// (oauth2c, the CLI) and a confidential client for client credentials. It does not issue tokens.
import type { ClientMetadata } from 'oidc-provider';

/** The public client: authorization code + PKCE, no secret (token endpoint auth `none`). */
export const DEFAULT_PUBLIC_CLIENT_ID = 'sandbox-cli';
/** The confidential client: client credentials only. */
export const DEFAULT_SERVICE_CLIENT_ID = 'sandbox-service';
/** oauth2c's default callback; `127.0.0.1` is registered as well. */
export const DEFAULT_REDIRECT_URI = 'http://localhost:9876/callback';

/**
 * The default clients. The service client's secret is random unless given, so that a sandbox
 * left running never accepts a well-known secret.
 * @example defaultClients('s3cret')[1]?.client_secret // 's3cret'
 */
export function defaultClients(serviceSecret: string = randomSecret()): ClientMetadata[] {
  return [
    {
      client_id: DEFAULT_PUBLIC_CLIENT_ID,
      // `native`: loopback http redirects are allowed (RFC 8252), as for any CLI.
      application_type: 'native',
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code'],
      response_types: ['code'],
      redirect_uris: [DEFAULT_REDIRECT_URI, 'http://127.0.0.1:9876/callback'],
    },
    {
      client_id: DEFAULT_SERVICE_CLIENT_ID,
      client_secret: serviceSecret,
      token_endpoint_auth_method: 'client_secret_basic',
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
    },
  ];
}

function randomSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
