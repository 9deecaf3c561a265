// Maps an access token audience (`toolhive-aws`) to the RFC 8707 resource indicator that
// oidc-provider requires (an absolute URI), and back. It does not decide which audiences exist.

/** The audience ToolHive's proxy and the IAM trust policy expect by default. */
export const DEFAULT_AUDIENCE = 'toolhive-aws';

const URN_PREFIX = 'urn:toolhive:audience:';

/**
 * The resource indicator for an audience: the audience itself when it is an absolute URI,
 * else `urn:toolhive:audience:<audience>` (oidc-provider rejects indicators that are not URIs).
 * @example resourceIndicatorFor('toolhive-aws') // 'urn:toolhive:audience:toolhive-aws'
 */
export function resourceIndicatorFor(audience: string): string {
  return isAbsoluteUri(audience) ? audience : `${URN_PREFIX}${encodeURIComponent(audience)}`;
}

/**
 * The audience a resource indicator stands for (inverse of resourceIndicatorFor).
 * @example audienceForResource('urn:toolhive:audience:toolhive-aws') // 'toolhive-aws'
 */
export function audienceForResource(resource: string): string {
  if (!resource.startsWith(URN_PREFIX)) return resource;
  try {
    return decodeURIComponent(resource.slice(URN_PREFIX.length));
  } catch {
    return resource;
  }
}

/** True for `scheme:rest` with a scheme as RFC 3986 defines it (`https://x`, `urn:x`, `api://x`). */
function isAbsoluteUri(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\S+$/i.test(value);
}
