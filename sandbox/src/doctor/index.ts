// Public API of the doctor (browser-safe): diagnose a real setup link by link, print the report,
// and build the CLI command for the online checks. It re-exports only; see README.md.

export { diagnose, DEFAULT_TIMEOUT_MS } from './diagnose';
export { buildReport, formatReport } from './report';
export { doctorCommand, type DoctorCommandOptions } from './doctorCommand';
export { tokenFingerprint } from './readToken';
export { readSetup, type OidcSettings, type ProxySettings, type Setup } from './readSetup';
export { LINKS } from './types';
export type {
  CheckStatus,
  DoctorCheck,
  DoctorInput,
  DoctorOptions,
  DoctorReport,
  ExchangeAnswer,
  ExchangeRequest,
  IamOidcProvider,
  IamPolicyDocument,
  IamReader,
  IamRole,
  LinkName,
  StsTarget,
} from './types';
