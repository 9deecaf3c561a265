// The Gateway API resources that expose the proxy over HTTPS: a Gateway with one TLS listener
// for the domain and an HTTPRoute to the proxy's Service. It does not create the TLS Secret.

import { GATEWAY_API_VERSION, PROXY_PORT, PROXY_SERVICE, RESOURCE_NAMES } from '../names';
import type { YamlComment } from './formatYaml';
import type { GeneratorValues } from '../types';

/**
 * The `aws-mcp-gateway` Gateway, plus the comments that tell the reader what to replace.
 * @example generateGateway(values).resource.spec.listeners[0].hostname // 'mcp.example.com'
 */
export function generateGateway(values: GeneratorValues) {
  const resource = {
    apiVersion: GATEWAY_API_VERSION,
    kind: 'Gateway',
    metadata: { name: RESOURCE_NAMES.gateway, namespace: values.namespace },
    spec: {
      gatewayClassName: RESOURCE_NAMES.gatewayClass,
      listeners: [
        {
          name: 'https',
          protocol: 'HTTPS',
          port: 443,
          hostname: values.domain,
          tls: {
            mode: 'Terminate',
            certificateRefs: [{ kind: 'Secret', name: RESOURCE_NAMES.tlsSecret }],
          },
        },
      ],
    },
  } as const;
  const comments: YamlComment[] = [
    {
      path: ['spec', 'gatewayClassName'],
      comment: 'a GatewayClass from `kubectl get gatewayclass`',
    },
    {
      path: ['spec', 'listeners', 0, 'tls', 'certificateRefs', 0, 'name'],
      comment: `a TLS Secret for ${values.domain}`,
    },
  ];
  return { resource, comments };
}

/**
 * The `aws-mcp-route` HTTPRoute: every path on the domain goes to the proxy's Service.
 * @example generateHttpRoute(values).spec.hostnames // ['mcp.example.com']
 */
export function generateHttpRoute(values: GeneratorValues) {
  return {
    apiVersion: GATEWAY_API_VERSION,
    kind: 'HTTPRoute',
    metadata: { name: RESOURCE_NAMES.httpRoute, namespace: values.namespace },
    spec: {
      parentRefs: [{ name: RESOURCE_NAMES.gateway }],
      hostnames: [values.domain],
      rules: [
        {
          matches: [{ path: { type: 'PathPrefix', value: '/' } }],
          backendRefs: [{ name: PROXY_SERVICE, port: PROXY_PORT }],
        },
      ],
    },
  } as const;
}
