// Public API of the browser-safe IAM emulator: the Query handler and the typed operations (for
// seeding an account). It re-exports only; the Node server is `./server`.

export { handleIamRequest, IAM_VERSION } from './handleIamRequest';
export { IAM_ACTIONS } from './iamActions';
export type { IamAction } from './iamActions';
export { IamFault, iamFaults } from './iamFaults';
export { encodePolicyDocument, IAM_NAMESPACE } from './iamXml';
export {
  addClientIdToOidcProvider,
  createOidcProvider,
  deleteOidcProvider,
  getOidcProvider,
  listOidcProviders,
  OIDC_PROVIDER_LIMITS,
  removeClientIdFromOidcProvider,
} from './oidcProviders';
export type { CreateOidcProviderInput } from './oidcProviders';
export {
  createRole,
  DEFAULT_MAX_SESSION_DURATION,
  deleteRole,
  getRole,
  listRoles,
  updateAssumeRolePolicy,
  updateRole,
} from './roles';
export type { CreateRoleInput, UpdateRoleInput } from './roles';
export { deleteRolePolicy, getRolePolicy, listRolePolicies, putRolePolicy } from './rolePolicies';
export type { IamEnvironment, IamResponse, Tag } from './types';
