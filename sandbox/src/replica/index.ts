// Public API of the local replica (`npm run sandbox`): start and stop every service, its defaults,
// the banner and the ready line. It re-exports only (Node-only; not for browsers).

export { startReplica } from './startReplica';
export type { Replica, ReplicaUrls, StartReplicaOptions } from './startReplica';
export { startAwsProxy, awsMcpEndpoint } from './awsProxy';
export type { AwsProxy, StartAwsProxyOptions } from './awsProxy';
export {
  DEFAULT_BASE_PORT,
  listenFailure,
  MAX_BASE_PORT,
  PORT_OFFSETS,
  REPLICA_HOST,
  replicaPorts,
  SERVICE_LABELS,
} from './ports';
export type { ReplicaPorts, ReplicaService } from './ports';
export { accountSetupFor } from './accountSetup';
export type { AccountSetup, ReplicaRole, SetupSource } from './accountSetup';
export { tutorialSetup } from './tutorialSetup';
export type { TutorialSetupOptions } from './tutorialSetup';
export { configSetup, presetFor } from './configSetup';
export { registerWithIam, DUMMY_CREDENTIALS } from './registerWithIam';
export { describeDemoUsers, roleNameOf } from './demoUsers';
export type { DemoUserOutcome } from './demoUsers';
export { SITE_ORIGINS, allowedOriginsWith } from './siteOrigins';
export { renderBanner, SANDBOX_DOCS_PATH } from './banner';
export { tryCommands, vsCodeConfig, CURL_PROTOCOL_VERSION } from './tryCommands';
export type { TryStep } from './tryCommands';
export { readyMessage } from './readyMessage';
export type { ReadyMessage } from './readyMessage';
export { formatProxyLogLine, formatStsDecision } from './logLines';
export { awsReadyMessage, awsWarning, renderAwsBanner } from './awsBanner';
export type { AwsReadyMessage } from './awsBanner';
