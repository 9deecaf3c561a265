// Public API of the AWS MCP Server emulator: the server, a SigV4-signing fetch for clients, and
// the pure pieces (CLI/script parsing, authorization, throttling, docs search). Re-exports only.
export { createAwsMcpServer, MCP_PATH } from './createAwsMcpServer';
export type {
  AwsMcpServerHandle,
  AwsMcpServerStats,
  CreateAwsMcpServerOptions,
} from './createAwsMcpServer';
export { createSignedFetch } from './signedFetch';
export type { SignedFetchOptions } from './signedFetch';
export { authenticateRequest } from './authenticate';
export type { Authentication, AuthenticateOptions } from './authenticate';
export { accessDeniedMessage, authorizeCall, mcpRequestContext } from './authorize';
export type { AuthorizationOutcome, AuthorizationTarget } from './authorize';
export type { AwsCaller } from './caller';
export { parseCliCommand, SUPPORTED_CLI_COMMANDS, tokenizeCommand } from './cliCommand';
export type { CliParse } from './cliCommand';
export { parseScriptCalls, pascalOperation } from './scriptCalls';
export type { ScriptParse } from './scriptCalls';
export { invokeAwsCall, SUPPORTED_OPERATIONS } from './operations';
export type { AwsCall, AwsCallResult, InvokeContext } from './operations';
export { DEFAULT_BUCKETS } from './fakeS3';
export type { FakeBucket, FakeObject } from './fakeS3';
export { AWS_DOCUMENTED_THROTTLE, createThrottle } from './throttle';
export type { Throttle, ThrottleDecision, ThrottleOptions } from './throttle';
export { listRegions } from './regions';
export { searchDocuments, searchTerms } from './docSearch';
export { readDocumentation } from './docRead';
export { parseDocPage } from './docText';
export type { DocPage } from './docText';
export { DEFAULT_DOCS_DIR, loadDocPages } from './docsLoader';
