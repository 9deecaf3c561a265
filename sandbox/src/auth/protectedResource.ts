// RFC 9728 protected resource metadata: the JSON document and where it is served.
// It does not serve HTTP (the proxy does) and does not talk to the authorization server.

import { AwsStsError } from '../errors';
import { requireHttpsUrl } from './urls';
import type { UrlRules } from './urls';

/** The RFC 9728 well-known path prefix. */
export const PROTECTED_RESOURCE_WELL_KNOWN = '/.well-known/oauth-protected-resource';

/** RFC 6749 scope-token characters. */
const SCOPE_TOKEN = /^[\x21\x23-\x5B\x5D-\x7E]+$/;

export type BearerMethod = 'header' | 'body' | 'query';

export interface ProtectedResourceMetadataInput extends UrlRules {
  /** The resource identifier clients use, e.g. `https://mcp.example.com/mcp`. */
  resource: string;
  /** Issuer identifiers of the authorization servers whose tokens are accepted. */
  authorizationServers: readonly string[];
  scopesSupported?: readonly string[];
  /** How a token may be presented. Default `['header']`, the only method the proxy accepts. */
  bearerMethodsSupported?: readonly BearerMethod[];
  /** Human-readable name of the resource. */
  resourceName?: string;
  /** URL of human-readable documentation. */
  resourceDocumentation?: string;
}

/** The document served at the metadata URL (RFC 9728 §2, snake_case as on the wire). */
export interface ProtectedResourceMetadata {
  resource: string;
  authorization_servers: string[];
  bearer_methods_supported: BearerMethod[];
  scopes_supported?: string[];
  resource_name?: string;
  resource_documentation?: string;
}

/**
 * Builds the RFC 9728 metadata document the MCP authorization spec asks resource servers to serve.
 * @example protectedResourceMetadata({ resource: 'https://host/mcp', authorizationServers: [issuer] })
 */
export function protectedResourceMetadata(
  input: ProtectedResourceMetadataInput
): ProtectedResourceMetadata {
  resourceUrl(input.resource, input);
  if (input.authorizationServers.length === 0) {
    invalid('authorizationServers', 'authorizationServers must name at least one issuer');
  }
  input.authorizationServers.forEach((server, i) =>
    requireHttpsUrl(server, `authorizationServers[${i}]`, input)
  );
  const methods = [...(input.bearerMethodsSupported ?? ['header'])];
  if (!methods.every((m) => m === 'header' || m === 'body' || m === 'query')) {
    invalid('bearerMethodsSupported', 'bearerMethodsSupported may contain header, body, query');
  }
  const document: ProtectedResourceMetadata = {
    resource: input.resource,
    authorization_servers: [...input.authorizationServers],
    bearer_methods_supported: methods,
  };
  if (input.scopesSupported !== undefined) {
    if (!input.scopesSupported.every((s) => SCOPE_TOKEN.test(s))) {
      invalid('scopesSupported', 'scopesSupported must contain RFC 6749 scope tokens');
    }
    document.scopes_supported = [...input.scopesSupported];
  }
  if (input.resourceName !== undefined) document.resource_name = input.resourceName;
  if (input.resourceDocumentation !== undefined) {
    requireHttpsUrl(input.resourceDocumentation, 'resourceDocumentation', input);
    document.resource_documentation = input.resourceDocumentation;
  }
  return document;
}

/**
 * The metadata URL for a resource (RFC 9728 §3.1: well-known inserted between host and path);
 * this is the `resource_metadata` value of the WWW-Authenticate challenge.
 * @example protectedResourceMetadataUrl('https://host/mcp') // 'https://host/.well-known/oauth-protected-resource/mcp'
 */
export function protectedResourceMetadataUrl(resource: string, rules: UrlRules = {}): string {
  const url = resourceUrl(resource, rules);
  return `${url.origin}${protectedResourceMetadataPaths(resource, rules)[0] ?? ''}`;
}

/**
 * The paths to serve the document on: the RFC 9728 path-suffixed form first, then the root form
 * that MCP clients fall back to (one path when the resource has no path).
 * @example protectedResourceMetadataPaths('https://host/mcp') // ['/.well-known/oauth-protected-resource/mcp', '/.well-known/oauth-protected-resource']
 */
export function protectedResourceMetadataPaths(resource: string, rules: UrlRules = {}): string[] {
  const path = resourceUrl(resource, rules).pathname;
  return path === '/' || path === ''
    ? [PROTECTED_RESOURCE_WELL_KNOWN]
    : [`${PROTECTED_RESOURCE_WELL_KNOWN}${path}`, PROTECTED_RESOURCE_WELL_KNOWN];
}

function resourceUrl(resource: string, rules: UrlRules): URL {
  const url = requireHttpsUrl(resource, 'resource', rules);
  if (url.search !== '' || resource.includes('?')) {
    invalid('resource', 'resource must not contain a query (RFC 9728 §1.2)');
  }
  return url;
}

function invalid(path: string, message: string): never {
  throw new AwsStsError('INVALID_CONFIG', message, { path });
}
