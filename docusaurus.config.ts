// Site configuration: docs at the route root, Mermaid, offline search, strict link checking.
// Interactive components and the sandbox live elsewhere; this file only wires the site.
import type { Config } from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import { accessibleDark, accessibleLight } from './src/theme/prismThemes';

const config: Config = {
  title: 'ToolHive AWS STS',
  tagline: 'Put ToolHive in front of the AWS MCP Server with per-user AWS credentials',
  favicon: 'img/favicon.svg',
  url: 'https://toolhive-aws-sts.example.com',
  baseUrl: '/',
  trailingSlash: false,
  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  onDuplicateRoutes: 'throw',
  i18n: { defaultLocale: 'en', locales: ['en'] },
  markdown: {
    mermaid: true,
    hooks: {
      onBrokenMarkdownLinks: 'throw',
      onBrokenMarkdownImages: 'throw',
    },
  },
  themes: [
    '@docusaurus/theme-mermaid',
    [
      '@easyops-cn/docusaurus-search-local',
      {
        hashed: true,
        docsRouteBasePath: '/',
        indexBlog: false,
        highlightSearchTermsOnTargetPage: false,
        explicitSearchResultPath: true,
      },
    ],
  ],
  presets: [
    [
      'classic',
      {
        docs: {
          routeBasePath: '/',
          sidebarPath: './sidebars.ts',
        },
        blog: false,
        theme: { customCss: './src/css/custom.css' },
      } satisfies Preset.Options,
    ],
  ],
  themeConfig: {
    colorMode: { respectPrefersColorScheme: true },
    navbar: {
      title: 'ToolHive AWS STS',
      logo: { alt: 'ToolHive AWS STS logo', src: 'img/logo.svg' },
      items: [
        {
          type: 'doc',
          docId: 'toolhive/tutorials/aws-sts-integration',
          label: 'Tutorial',
          position: 'left',
        },
        {
          type: 'doc',
          docId: 'toolhive/concepts/backend-auth',
          label: 'Concepts',
          position: 'left',
        },
        {
          type: 'doc',
          docId: 'toolhive/guides-k8s/remote-mcp-proxy',
          label: 'Guides',
          position: 'left',
        },
      ],
    },
    footer: {
      style: 'dark',
      links: [
        {
          title: 'Learn',
          items: [
            { label: 'AWS STS tutorial', to: '/toolhive/tutorials/aws-sts-integration' },
            { label: 'Backend authentication', to: '/toolhive/concepts/backend-auth' },
          ],
        },
        {
          title: 'Upstream',
          items: [
            { label: 'ToolHive', href: 'https://github.com/stacklok/toolhive' },
            { label: 'ToolHive docs', href: 'https://docs.stacklok.com/toolhive' },
          ],
        },
      ],
      copyright: 'Apache-2.0 licensed. Not affiliated with Stacklok or Amazon Web Services.',
    },
    prism: {
      theme: accessibleLight,
      darkTheme: accessibleDark,
      additionalLanguages: ['bash', 'json', 'yaml'],
    },
    mermaid: { theme: { light: 'neutral', dark: 'dark' } },
  } satisfies Preset.ThemeConfig,
};

export default config;
