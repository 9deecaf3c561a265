// Public API of the session-name module: read, validate and (opt-in) sanitize RoleSessionName.
// It re-exports only; each concern lives in its own file.

export {
  extractSessionName,
  type ExtractSessionNameOptions,
  type SessionName,
} from './extractSessionName';
export { sanitizeSessionName, type SanitizedSessionName } from './sanitizeSessionName';
export {
  byteLength,
  MAX_SESSION_NAME_LENGTH,
  MIN_SESSION_NAME_LENGTH,
  SESSION_NAME_PATTERN,
  sessionNameProblem,
  validateSessionName,
} from './validateSessionName';
