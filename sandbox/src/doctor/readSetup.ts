// Reads the configuration text the way the doctor needs it: the awsSts config through every
// validation layer (loadAwsStsConfig), plus what the MCPOIDCConfig and MCPRemoteProxy in the same
// text say (issuer, audience, resource and remote URLs, references). It judges nothing.

import { parseAllDocuments } from 'yaml';
import { loadAwsStsConfig, type LoadResult } from '../config';

/** What the MCPOIDCConfig says (v1beta1 `spec.inline`, or a v1alpha1 proxy's inline oidcConfig). */
export interface OidcSettings {
  /** `metadata.name` of the MCPOIDCConfig (absent for an inline v1alpha1 oidcConfig). */
  name?: string;
  namespace?: string;
  /** `spec.type`: `inline` or `kubernetesServiceAccount`. */
  type?: string;
  issuer?: string;
  jwksUrl?: string;
}

/** What the MCPRemoteProxy says. */
export interface ProxySettings {
  name?: string;
  namespace?: string;
  remoteUrl?: string;
  /** `oidcConfigRef.audience` (v1beta1) or `oidcConfig.inline.audience` (v1alpha1). */
  audience?: string;
  resourceUrl?: string;
  oidcConfigName?: string;
  externalAuthConfigName?: string;
}

/** The configuration as the doctor reads it. */
export interface Setup {
  /** The awsSts configuration through every ToolHive validation layer. */
  load: LoadResult;
  externalAuthConfig?: { name?: string; namespace?: string };
  oidc?: OidcSettings;
  proxy?: ProxySettings;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;

/**
 * Loads the awsSts configuration and reads the companion resources (documents that do not parse
 * are left to loadAwsStsConfig's messages).
 * @example readSetup(yamlText).oidc?.issuer // 'https://dev-123456.okta.com/oauth2/default'
 */
export function readSetup(configText: string): Setup {
  const setup: Setup = { load: loadAwsStsConfig(configText) };
  let documents: unknown[];
  try {
    documents = parseAllDocuments(configText).map((doc) =>
      doc.errors.length > 0 ? undefined : (doc.toJS({ maxAliasCount: 100 }) as unknown)
    );
  } catch {
    return setup;
  }
  for (const document of documents) {
    if (!isObject(document)) continue;
    const metadata = isObject(document.metadata) ? document.metadata : {};
    const named = {
      ...(text(metadata.name) !== undefined ? { name: text(metadata.name) } : {}),
      ...(text(metadata.namespace) !== undefined ? { namespace: text(metadata.namespace) } : {}),
    };
    const spec = isObject(document.spec) ? document.spec : {};
    switch (document.kind) {
      case 'MCPExternalAuthConfig':
        if (spec.type === 'awsSts' || setup.externalAuthConfig === undefined) {
          setup.externalAuthConfig = named;
        }
        break;
      case 'MCPOIDCConfig':
        setup.oidc = { ...named, ...oidcFields(spec) };
        break;
      case 'MCPRemoteProxy':
        setup.proxy = { ...named, ...proxyFields(spec) };
        if (setup.oidc === undefined && isObject(spec.oidcConfig)) {
          setup.oidc = oidcFields(spec.oidcConfig);
        }
        break;
    }
  }
  return setup;
}

function oidcFields(spec: Json): OidcSettings {
  const inline = isObject(spec.inline) ? spec.inline : {};
  const fields: OidcSettings = {};
  if (text(spec.type) !== undefined) fields.type = text(spec.type);
  if (text(inline.issuer) !== undefined) fields.issuer = inline.issuer as string;
  const jwksUrl = text(inline.jwksUrl) ?? text(inline.jwksURL);
  if (jwksUrl !== undefined) fields.jwksUrl = jwksUrl;
  return fields;
}

function proxyFields(spec: Json): ProxySettings {
  const ref = isObject(spec.oidcConfigRef) ? spec.oidcConfigRef : {};
  const inlineOidc =
    isObject(spec.oidcConfig) && isObject(spec.oidcConfig.inline) ? spec.oidcConfig.inline : {};
  const external = isObject(spec.externalAuthConfigRef) ? spec.externalAuthConfigRef : {};
  const fields: ProxySettings = {};
  const remoteUrl = text(spec.remoteUrl) ?? text(spec.remoteURL);
  if (remoteUrl !== undefined) fields.remoteUrl = remoteUrl;
  const audience = text(ref.audience) ?? text(inlineOidc.audience);
  if (audience !== undefined) fields.audience = audience;
  const resourceUrl = text(ref.resourceUrl) ?? text(spec.resourceUrl);
  if (resourceUrl !== undefined) fields.resourceUrl = resourceUrl;
  if (text(ref.name) !== undefined) fields.oidcConfigName = ref.name as string;
  if (text(external.name) !== undefined) fields.externalAuthConfigName = external.name as string;
  return fields;
}
