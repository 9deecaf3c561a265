// Public API of the emulated account state shared by the IAM, STS and AWS MCP emulators.
// It re-exports only.
export { AccountState, oidcProviderHostPath, type AccountStateOptions } from './accountState';
export type { IssuedCredentials, OidcProviderRecord, RoleRecord } from './types';
