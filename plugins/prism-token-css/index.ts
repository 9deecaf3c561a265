// Docusaurus plugin: adds the code blocks' token colours (tokenCss.ts, from the site's Prism
// themes) to the site's stylesheet, so highlighted code carries classes and no inline colours
// (src/theme/CodeBlock/Content). It renders no code; the swizzled CodeBlock does.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LoadContext, Plugin } from '@docusaurus/types';
import type { PrismTheme } from 'prism-react-renderer';
import { tokenCss } from './tokenCss';

export interface PrismTokenCssOptions {
  light: PrismTheme;
  dark: PrismTheme;
}

/** The plugin for `plugins: [prismTokenCss({ light, dark })]`, with the themes prism uses. */
export default function prismTokenCss({ light, dark }: PrismTokenCssOptions) {
  return function prismTokenCssPlugin(context: LoadContext): Plugin {
    const dir = join(context.generatedFilesDir, 'prism-token-css');
    const file = join(dir, 'tokens.css');
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, tokenCss(light, 'light') + tokenCss(dark, 'dark'));
    return { name: 'prism-token-css', getClientModules: () => [file] };
  };
}
