// Site configuration: docs at the route root, diagrams rendered ahead of time, llms.txt, offline
// search, strict link checking. Interactive components and the sandbox live elsewhere; this file
// only wires the site.
import type { Config, Plugin } from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import diagramsPlugin from './plugins/diagrams';
import remarkPrerenderedMermaid from './plugins/diagrams/remark';
import llmsTxtPlugin from './plugins/llms-txt';
import prismTokenCss from './plugins/prism-token-css';
import { accessibleDark, accessibleLight } from './src/theme/prismThemes';

/**
 * Code only the tutorial's interactive components use: the sandbox core, the components behind
 * their shells, the mocks and the libraries they bring (YAML, CEL, jose, msw, the AWS SDK, fflate).
 * The shells themselves are in the main bundle, which this rule (async chunks only) leaves alone.
 */
const INTERACTIVE_CODE =
  /[\\/](sandbox[\\/]src|src[\\/]components|src[\\/]mocks)[\\/]|[\\/]node_modules[\\/](yaml|@bufbuild|jose|msw|@mswjs|@aws-sdk|@smithy|@aws-crypto|fflate|fast-xml-parser)[\\/]/;

/**
 * Keeps that code in chunks of its own, loaded with the component that needs it. Docusaurus's
 * `common` chunk, loaded by every page, takes any module that enough lazy chunks share: the four
 * components share the sandbox core, which would otherwise put it on every page.
 */
function interactiveCodeChunks(): Plugin {
  return {
    name: 'interactive-code-chunks',
    configureWebpack(_config, isServer) {
      if (isServer) return {};
      return {
        optimization: {
          splitChunks: {
            cacheGroups: {
              interactive: {
                test: INTERACTIVE_CODE,
                chunks: 'async',
                minChunks: 1,
                priority: 45,
                reuseExistingChunk: true,
              },
            },
          },
        },
      };
    },
  };
}

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
    hooks: {
      onBrokenMarkdownLinks: 'throw',
      onBrokenMarkdownImages: 'throw',
    },
  },
  plugins: [
    interactiveCodeChunks,
    diagramsPlugin,
    llmsTxtPlugin,
    // Token colours as CSS: the swizzled CodeBlock/Content writes classes, not inline styles.
    prismTokenCss({ light: accessibleLight, dark: accessibleDark }),
  ],
  themes: [
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
          // ```mermaid fences become SVG rendered by `npm run diagrams`: no diagram engine ships.
          // A diagram whose SVG is missing fails the build; the dev server shows its source.
          beforeDefaultRemarkPlugins: [
            [
              remarkPrerenderedMermaid,
              { onMissing: process.env.NODE_ENV === 'production' ? 'throw' : 'keep' },
            ],
          ],
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
  } satisfies Preset.ThemeConfig,
};

export default config;
