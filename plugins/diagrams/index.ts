// Docusaurus plugin for the pre-rendered diagrams: the build's persistent cache depends on the SVGs
// (a page's MDX does not change when only its diagram is re-rendered), and the dev server watches
// them. The replacing of fences is remark.ts's job; rendering is render.ts's.

import type { Plugin } from '@docusaurus/types';
import { RENDERED_DIR } from './renderer';

export default function diagramsPlugin(): Plugin {
  return {
    name: 'prerendered-diagrams',
    getPathsToWatch: () => [`${RENDERED_DIR}/*.svg`],
    configureWebpack: () => ({
      // Any change under static/diagrams/ invalidates the cached MDX compiles that inline the SVGs.
      cache: { type: 'filesystem', buildDependencies: { diagrams: [`${RENDERED_DIR}/`] } },
    }),
  };
}
