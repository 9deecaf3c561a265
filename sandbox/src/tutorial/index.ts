// Public API of what the tutorial pages show (browser-safe): the placeholder vocabulary and the
// local sandbox's default addresses. It re-exports only.

export {
  fillWithExamples,
  PLACEHOLDERS,
  type Placeholder,
  type PlaceholderToken,
} from './placeholders';
export {
  DEFAULT_BASE_PORT,
  defaultSandboxOrigin,
  PORT_OFFSETS,
  REPLICA_HOST,
  SITE_ORIGINS,
  type ReplicaService,
} from './sandboxAddresses';
