// The Ingress that exposes the proxy over HTTPS for clusters without a Gateway API implementation:
// one TLS host and every path to the proxy's Service. It does not create the TLS Secret or pick a
// controller (the reader names their IngressClass).

import type { YamlComment } from './formatYaml';
import { INGRESS_API_VERSION, PROXY_PORT, PROXY_SERVICE, RESOURCE_NAMES } from '../names';
import type { GeneratorValues } from '../types';

/**
 * The `aws-mcp-ingress` Ingress, plus the comments that tell the reader what to replace.
 * @example generateIngress(values).resource.spec.rules[0].host // 'mcp.example.com'
 */
export function generateIngress(values: GeneratorValues) {
  const resource = {
    apiVersion: INGRESS_API_VERSION,
    kind: 'Ingress',
    metadata: { name: RESOURCE_NAMES.ingress, namespace: values.namespace },
    spec: {
      ingressClassName: RESOURCE_NAMES.ingressClass,
      tls: [{ hosts: [values.domain], secretName: RESOURCE_NAMES.tlsSecret }],
      rules: [
        {
          host: values.domain,
          http: {
            paths: [
              {
                path: '/',
                pathType: 'Prefix',
                backend: { service: { name: PROXY_SERVICE, port: { number: PROXY_PORT } } },
              },
            ],
          },
        },
      ],
    },
  } as const;
  const comments: YamlComment[] = [
    {
      path: ['spec', 'ingressClassName'],
      comment: 'an IngressClass from `kubectl get ingressclass`',
    },
    { path: ['spec', 'tls', 0, 'secretName'], comment: `a TLS Secret for ${values.domain}` },
  ];
  return { resource, comments };
}
