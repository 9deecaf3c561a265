// Fixed values the form and the engine share: the broken trust audience and default URLs.
// Plain constants, so the form can show them without loading the exchange code.

/** The audience the roles trust when the reader breaks the trust policy. */
export const OTHER_AUDIENCE = 'another-audience';

/** The STS emulator of `npm run sandbox` (sandbox/src/replica/ports.ts: base 4100, STS +2). */
export const DEFAULT_LOCAL_STS_URL = 'http://127.0.0.1:4102/';

/** The local replica's OIDC provider (base + 1), for `npm run cli -- token --issuer …`. */
export const DEFAULT_LOCAL_ISSUER = 'http://127.0.0.1:4101';

/** Where, under the site's base URL, the service worker answers as STS. */
export const IN_PAGE_STS_PATH = '/__sts/';

/** Origins the replica allows without --allowed-origin (sandbox/src/replica/siteOrigins.ts). */
export const SANDBOX_SITE_ORIGINS: readonly string[] = [
  'http://127.0.0.1:3000',
  'http://localhost:3000',
];
