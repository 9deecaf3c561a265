// Public API of the sandbox's account (browser-safe): an emulated AWS account and its awsSts
// configuration from the policy generator's values, built once for every sandbox: the STS
// walkthrough's in-page account, the local replica's configuration, the tests and the bench.
// It lives outside policy/ (the generator must not depend on the emulators) and outside
// emulators/ (the emulators know nothing of the generator). It re-exports only.

export { awsStsConfigFor } from './awsStsConfig';
export { localizeIssuer } from './localizeIssuer';
export { seedAccount } from './seedAccount';
export type { SeedOptions } from './seedAccount';
