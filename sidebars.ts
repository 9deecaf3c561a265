// The sidebar: tutorials first, then concepts, then Kubernetes guides.
import type { SidebarsConfig } from '@docusaurus/plugin-content-docs';

const sidebars: SidebarsConfig = {
  toolhive: [
    {
      type: 'category',
      label: 'Tutorials',
      collapsed: false,
      items: [
        'toolhive/tutorials/aws-sts-integration',
        'toolhive/tutorials/aws-sts-diagnose',
        'toolhive/tutorials/aws-sts-sandbox',
      ],
    },
    {
      type: 'category',
      label: 'Concepts',
      collapsed: false,
      items: ['toolhive/concepts/backend-auth'],
    },
    {
      type: 'category',
      label: 'Guides: Kubernetes operator',
      collapsed: false,
      items: ['toolhive/guides-k8s/remote-mcp-proxy', 'toolhive/guides-k8s/token-exchange-k8s'],
    },
  ],
};

export default sidebars;
