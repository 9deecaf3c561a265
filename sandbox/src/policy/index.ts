// Public API of the policy generator (browser-safe): every IAM and Kubernetes artifact of the
// tutorial from one set of values. It re-exports only; each concern lives in its own file.

export type {
  ArtifactFiles,
  ExplicitPermissions,
  FallbackRoleInput,
  FieldPath,
  GenerationResult,
  GeneratorInput,
  GeneratorValues,
  InputIssue,
  InputValidation,
  MappedRoleInput,
  Partition,
  PermissionPresetName,
  Permissions,
  RoleValues,
} from './types';
export { TUTORIAL_VALUES, tutorialValuesWith } from './tutorialValues';
export {
  AWS_MCP_SERVER_REGIONS,
  AWS_MCP_SERVER_REGIONS_SOURCE,
  awsMcpRegionNote,
  isAwsMcpServerRegion,
} from './awsMcpRegions';
export { parseGeneratorValues, type ParsedValues } from './parseValues';
export { validateGeneratorInput } from './validateInput';
export { fieldPathText, INPUT_FIELDS, parseFieldPath } from './inputChecks';
export { normalizeIssuer, oidcProviderArn, type IssuerCheck } from './issuer';
export { generateArtifacts, generateArtifactsFromText, generateFiles } from './generateArtifacts';
export { generateTrustPolicy } from './trustPolicy';
export { DENY_OUTSIDE_MCP, generatePermissionPolicy } from './permissionPolicy';
export { PERMISSION_PRESETS, PRESET_NAMES, describePermissions } from './presets';
export { generateSetupScript } from './setupScript';
export { generateCleanupScript } from './cleanupScript';
export {
  cleanupCommands,
  planAwsCli,
  setupCommands,
  type AwsCliPlan,
  type RolePlan,
} from './awsCliPlan';
export {
  awsCliWords,
  formatAwsCliCommand,
  shellQuote,
  type AwsCliArg,
  type AwsCliCommand,
} from './awsCli';
export { generateAwsStsSpec, generateExternalAuthConfig } from './externalAuthConfig';
export { generateOidcConfig, generateRemoteProxy } from './proxyResources';
export { generateGateway, generateHttpRoute } from './gateway';
export { generateIngress } from './ingress';
export { generateReadme } from './readme';
export { formatJson } from './formatJson';
export { toYaml, joinYamlDocuments } from './formatYaml';
export {
  AWS_MCP_SERVICE_PRINCIPAL,
  CALLED_VIA_MCP_KEY,
  FILE_PATHS,
  RESOURCE_NAMES,
  VIA_MCP_KEY,
  inlinePolicyName,
} from './names';
