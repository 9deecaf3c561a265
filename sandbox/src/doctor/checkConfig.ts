// The `config` link: the awsSts configuration through every ToolHive validation layer, and the
// companion resources agreeing with it (references, the remote URL's Region and SigV4 service).
// It does not look at the token.

import { DEFAULT_SERVICE } from '../config';
import type { ConfigIssue } from '../config';
import { awsMcpRegion } from './regions';
import type { Setup } from './readSetup';
import { fail, pass } from './report';
import type { DoctorCheck } from './types';

const LAYER_NAMES: Record<ConfigIssue['layers'][number], string> = {
  schema: 'API server',
  operator: 'operator',
  runtime: 'proxy runtime',
  roleMapper: 'proxy startup (CEL)',
  document: 'file',
};

/**
 * Checks the configuration text as ToolHive's layers would, then the resources against each other.
 * @example checkConfig(readSetup(text)).status // 'pass'
 */
export function checkConfig(setup: Setup): DoctorCheck {
  const { load } = setup;
  if (!load.ok) {
    const details = load.issues.map(describeIssue);
    const first = load.issues[0];
    const where = first ? locate(first) : 'the configuration';
    return fail(
      'config',
      `invalid: ${load.issues.length} problem(s), first ${where}: ${first?.message ?? 'unreadable'}`,
      `change ${where} as the message says; "npm run cli -- validate --config FILE" lists every problem with its line`,
      details
    );
  }
  const crossProblems = crossChecks(setup);
  if (crossProblems.length > 0) {
    const [first] = crossProblems;
    return fail(
      'config',
      first?.message ?? '',
      first?.fix ?? '',
      crossProblems.slice(1).map((p) => `${p.message} (fix: ${p.fix})`)
    );
  }
  const { config } = load;
  const what = load.name ? `${load.source} "${load.name}"` : 'bare awsSts object';
  const mappings = `${config.roleMappings.length} role mapping(s)`;
  const fallback = config.fallbackRoleArn ? 'a fallback role' : 'no fallback role';
  const companions = [
    setup.oidc?.issuer ? `issuer ${setup.oidc.issuer}` : undefined,
    setup.proxy?.audience ? `audience ${setup.proxy.audience}` : undefined,
  ].filter((part) => part !== undefined);
  const also = companions.length > 0 ? `; ${companions.join(', ')}` : '';
  return pass(
    'config',
    `valid ${what}: region ${config.region}, ${mappings}, ${fallback}${also}`,
    load.warnings.map((warning) => `warning: ${warning}`)
  );
}

function locate(found: ConfigIssue): string {
  const path = found.path === '' ? 'the document' : found.path;
  return found.line !== undefined ? `${path} (line ${found.line})` : path;
}

function describeIssue(found: ConfigIssue): string {
  const layers = found.layers.map((layer) => LAYER_NAMES[layer]).join(', ');
  return `${locate(found)}: [${found.code}] ${found.message} (rejected by: ${layers})`;
}

interface CrossProblem {
  message: string;
  fix: string;
}

function crossChecks(setup: Setup): CrossProblem[] {
  if (!setup.load.ok) return [];
  const { config } = setup.load;
  const problems: CrossProblem[] = [];
  const { proxy, oidc, externalAuthConfig } = setup;
  if (proxy?.remoteUrl !== undefined) {
    const remoteRegion = awsMcpRegion(proxy.remoteUrl);
    if (remoteRegion !== undefined && remoteRegion !== config.region) {
      problems.push({
        message: `MCPRemoteProxy remoteUrl ${proxy.remoteUrl} is in ${remoteRegion}, but awsSts.region is ${config.region}: ToolHive signs every request for awsSts.region, so the AWS MCP Server rejects the signature`,
        fix: `set awsSts.region: ${remoteRegion}, or remoteUrl: https://aws-mcp.${config.region}.api.aws/mcp`,
      });
    }
    if (remoteRegion !== undefined && config.service !== DEFAULT_SERVICE) {
      problems.push({
        message: `awsSts.service is ${config.service}, but the AWS MCP Server verifies signatures for the service aws-mcp`,
        fix: 'set awsSts.service: aws-mcp (or remove it: aws-mcp is the default)',
      });
    }
  }
  const externalName = externalAuthConfig?.name;
  if (proxy?.externalAuthConfigName !== undefined && externalName !== undefined) {
    if (proxy.externalAuthConfigName !== externalName) {
      problems.push({
        message: `MCPRemoteProxy externalAuthConfigRef.name is "${proxy.externalAuthConfigName}", but the MCPExternalAuthConfig is named "${externalName}"`,
        fix: `set spec.externalAuthConfigRef.name: ${externalName} in the MCPRemoteProxy`,
      });
    }
  }
  if (proxy?.oidcConfigName !== undefined && oidc?.name !== undefined) {
    if (proxy.oidcConfigName !== oidc.name) {
      problems.push({
        message: `MCPRemoteProxy oidcConfigRef.name is "${proxy.oidcConfigName}", but the MCPOIDCConfig is named "${oidc.name}"`,
        fix: `set spec.oidcConfigRef.name: ${oidc.name} in the MCPRemoteProxy`,
      });
    }
  }
  const namespaces = new Set(
    [
      externalAuthConfig?.namespace,
      oidc?.name ? oidc.namespace : undefined,
      proxy?.namespace,
    ].filter((namespace) => namespace !== undefined)
  );
  if (namespaces.size > 1) {
    problems.push({
      message: `the resources are in different namespaces (${[...namespaces].join(', ')}), but an MCPRemoteProxy only references resources in its own namespace`,
      fix: 'put the MCPRemoteProxy, MCPOIDCConfig and MCPExternalAuthConfig in one namespace (metadata.namespace)',
    });
  }
  return problems;
}
