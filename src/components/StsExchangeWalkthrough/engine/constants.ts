// Fixed values the form and the engine share: the broken trust audience and default URLs.
// Plain constants, so the form can show them without loading the exchange code.
import { defaultSandboxOrigin } from '@toolhive-aws-sts/sandbox/sandbox-addresses';

/** The audience the roles trust when the reader breaks the trust policy. */
export const OTHER_AUDIENCE = 'another-audience';

/** The STS emulator of `npm run sandbox` started without --port. */
export const DEFAULT_LOCAL_STS_URL = `${defaultSandboxOrigin('sts')}/`;

/** The local replica's OIDC provider, for `npm run cli -- token --issuer …`. */
export const DEFAULT_LOCAL_ISSUER = defaultSandboxOrigin('oidc');

/** Where, under the site's base URL, the service worker answers as STS. */
export const IN_PAGE_STS_PATH = '/__sts/';
