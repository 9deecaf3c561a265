// Public API of the awsSts configuration module: types, defaults, validation and loading.
// It re-exports only; each concern lives in its own file.

export type {
  AwsStsConfig,
  AwsStsSpec,
  ConfigIssue,
  RoleMapping,
  RoleMappingSpec,
  ValidationLayer,
  ValidationResult,
} from './types';
export {
  AWS_STS_FIELDS,
  DEFAULT_ROLE_CLAIM,
  DEFAULT_SERVICE,
  DEFAULT_SESSION_DURATION,
  DEFAULT_SESSION_NAME_CLAIM,
  INT32_MAX,
  MAX_SESSION_DURATION,
  MIN_SESSION_DURATION,
  REGION_PATTERN,
  REGION_PATTERN_TEXT,
  ROLE_ARN_PATTERN,
  ROLE_ARN_PATTERN_TEXT,
  ROLE_MAPPING_FIELDS,
} from './constants';
export { applyDefaults } from './defaults';
export { crdRoleArnMismatch, roleArnError, validateRoleArn } from './validateRoleArn';
export { checkCrdSchema, validateAwsSts, type ValidateOptions } from './validateAwsSts';
export { validateRoleMapping } from './validateRoleMapping';
export {
  loadAwsStsConfig,
  SERVED_API_VERSIONS,
  type ConfigSource,
  type LoadResult,
} from './loadAwsStsConfig';
