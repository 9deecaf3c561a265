// Arranges the generated files into the generator's tabs (trust policies, permission policies,
// scripts, one per manifest, README) by their FILE_PATHS. It generates nothing and renders nothing.
import { FILE_PATHS, type ArtifactFiles } from '@toolhive-aws-sts/sandbox/policy';

/** One tab: its label and the files it shows, in the generator's order. */
export interface ArtifactTab {
  id: string;
  label: string;
  paths: string[];
}

/** Whether a path is one of a per-role family, e.g. `aws/trust-policy-<role>.json`. */
function perRole(pathOf: (roleName: string) => string): (path: string) => boolean {
  const [before = '', after = ''] = pathOf('\0').split('\0');
  return (path) =>
    path.length > before.length + after.length && path.startsWith(before) && path.endsWith(after);
}

const TABS: readonly { id: string; label: string; holds: (path: string) => boolean }[] = [
  { id: 'trust', label: 'Trust policies', holds: perRole(FILE_PATHS.trustPolicy) },
  {
    id: 'permissions',
    label: 'Permission policies',
    holds: perRole(FILE_PATHS.permissionPolicy),
  },
  { id: 'setup', label: 'AWS CLI (setup.sh)', holds: (path) => path === FILE_PATHS.setupScript },
  { id: 'oidc', label: 'MCPOIDCConfig', holds: (path) => path === FILE_PATHS.oidcConfig },
  {
    id: 'external-auth',
    label: 'MCPExternalAuthConfig',
    holds: (path) => path === FILE_PATHS.externalAuthConfig,
  },
  { id: 'proxy', label: 'MCPRemoteProxy', holds: (path) => path === FILE_PATHS.remoteProxy },
  { id: 'gateway', label: 'Gateway API', holds: (path) => path === FILE_PATHS.gateway },
  { id: 'ingress', label: 'Ingress', holds: (path) => path === FILE_PATHS.ingress },
  {
    id: 'cleanup',
    label: 'Cleanup (cleanup.sh)',
    holds: (path) => path === FILE_PATHS.cleanupScript,
  },
  { id: 'readme', label: 'README', holds: (path) => path === FILE_PATHS.readme },
];

/**
 * The non-empty tabs for a set of files; a file no tab claims gets an "Other files" tab, so
 * every generated file can be seen.
 * @example artifactTabs(files)[0] // { id: 'trust', label: 'Trust policies', paths: ['aws/trust-policy-DefaultMCPRole.json', …] }
 */
export function artifactTabs(files: ArtifactFiles): ArtifactTab[] {
  const paths = Object.keys(files);
  const tabs = TABS.map(({ id, label, holds }) => ({ id, label, paths: paths.filter(holds) }));
  const other = paths.filter((path) => !TABS.some((tab) => tab.holds(path)));
  tabs.push({ id: 'other', label: 'Other files', paths: other });
  return tabs.filter((tab) => tab.paths.length > 0);
}

/**
 * The name a single file downloads under: its base name.
 * @example downloadName('aws/setup.sh') // 'setup.sh'
 */
export function downloadName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
