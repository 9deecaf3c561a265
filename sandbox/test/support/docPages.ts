// Test support: four small docs pages (front matter, imports, admonitions, JSX, slugs) parsed
// as the AWS MCP Server emulator's documentation tools see them. Tests only.
import { parseDocPage, type DocPage } from '../../src/emulators/aws-mcp/docText';

export const TEST_PAGES: DocPage[] = [
  parseDocPage(
    'toolhive/tutorials/aws-sts-integration.mdx',
    `---
title: AWS STS authentication
description: x
---
import Tabs from '@theme/Tabs';

## Configure awsSts

Set \`awsSts.region\` and the role mappings. See [the concept](../concepts/backend-auth.mdx).

:::info[Prerequisites]
A cluster.
:::

<Tabs groupId='idp'><TabItem value='okta'>Okta</TabItem></Tabs>
`
  ),
  parseDocPage(
    'toolhive/concepts/backend-auth.mdx',
    '---\ntitle: Backend authentication\n---\n\n# Backend authentication\n\nToken exchange, awsSts and more.\n'
  ),
  parseDocPage(
    'toolhive/guides/02-index.mdx',
    '# Guides\n\nRole mappings explained: role, role, role.\n'
  ),
  parseDocPage('toolhive/other.mdx', '---\nslug: /custom/place\n---\nNothing about it.\n'),
];
