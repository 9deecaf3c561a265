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
export { TUTORIAL_VALUES, tutorialValuesWith } from './input/tutorialValues';
export {
  AWS_MCP_SERVER_REGIONS,
  AWS_MCP_SERVER_REGIONS_SOURCE,
  awsMcpRegionNote,
  isAwsMcpServerRegion,
} from './input/awsMcpRegions';
export { parseGeneratorValues, type ParsedValues } from './input/parseValues';
export { validateGeneratorInput } from './input/validateInput';
export { fieldPathText, INPUT_FIELDS, parseFieldPath } from './input/inputChecks';
export { normalizeIssuer, oidcProviderArn, type IssuerCheck } from './input/issuer';
export { generateArtifacts, generateArtifactsFromText, generateFiles } from './generateArtifacts';
export { generateTrustPolicy } from './iam-policies/trustPolicy';
export { DENY_OUTSIDE_MCP, generatePermissionPolicy } from './iam-policies/permissionPolicy';
export { PERMISSION_PRESETS, PRESET_NAMES, describePermissions } from './iam-policies/presets';
export { generateSetupScript } from './scripts/setupScript';
export { generateCleanupScript } from './scripts/cleanupScript';
export {
  cleanupCommands,
  planAwsCli,
  setupCommands,
  type AwsCliPlan,
  type RolePlan,
} from './scripts/awsCliPlan';
export {
  awsCliWords,
  formatAwsCliCommand,
  shellQuote,
  type AwsCliArg,
  type AwsCliCommand,
} from './scripts/awsCli';
export { generateAwsStsSpec, generateExternalAuthConfig } from './kubernetes/externalAuthConfig';
export { generateOidcConfig, generateRemoteProxy } from './kubernetes/proxyResources';
export { generateGateway, generateHttpRoute } from './kubernetes/gateway';
export { generateIngress } from './kubernetes/ingress';
export { generateReadme } from './readme';
export { formatJson } from './iam-policies/formatJson';
export { toYaml, joinYamlDocuments } from './kubernetes/formatYaml';
export {
  AWS_MCP_SERVICE_PRINCIPAL,
  CALLED_VIA_MCP_KEY,
  FILE_PATHS,
  RESOURCE_NAMES,
  VIA_MCP_KEY,
  inlinePolicyName,
} from './names';
