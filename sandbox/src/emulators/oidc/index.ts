// Public API of the local OIDC provider (oidc-provider with demo users and clients) and of the
// headless token flow. It re-exports only.
export { createOidcProvider } from './createOidcProvider';
export type { CreateOidcProviderOptions, OidcProviderHandle } from './createOidcProvider';
export { getAccessToken, getTokenResponse } from './getAccessToken';
export type { GetAccessTokenOptions, TokenResponse } from './getAccessToken';
export {
  DEFAULT_PUBLIC_CLIENT_ID,
  DEFAULT_REDIRECT_URI,
  DEFAULT_SERVICE_CLIENT_ID,
  defaultClients,
} from './clients';
export { DEFAULT_USERS, findUserBySub, findUserByUsername, userTokenClaims } from './users';
export type { DemoUser } from './users';
export { DEFAULT_AUDIENCE, audienceForResource, resourceIndicatorFor } from './resourceIndicator';
