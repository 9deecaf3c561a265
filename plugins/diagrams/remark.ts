// Remark plugin for the docs: replaces each ```mermaid fence with <PrerenderedDiagram>, whose SVG was
// rendered ahead of time by `npm run diagrams`. The server build inlines the SVG into the page's
// HTML; the browser build carries only the key, so no diagram sits in JavaScript (the component
// fetches /diagrams/<key>.svg only when the page was not server-rendered). The Mermaid source stays
// in the MDX; no diagram engine ships.

import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { diagramKey, RENDERED_DIR } from './renderer';

interface Node {
  type: string;
  lang?: string | null;
  value?: string;
  children?: Node[];
  position?: { start: { line: number } };
  [key: string]: unknown;
}

/** The VFile fields this plugin reads; Docusaurus's MDX loader sets `data.compilerName`. */
interface File {
  path?: string;
  data?: { compilerName?: string };
}

export interface DiagramsOptions {
  /** Folder of the rendered SVGs (default static/diagrams). */
  renderedDir?: string;
  /**
   * What to do when a diagram has no rendered SVG: `throw` (production builds) or `keep` the
   * fence as a code block with a warning (the dev server, so `npm start` never needs a browser).
   */
  onMissing?: 'throw' | 'keep';
}

const COMPONENT = 'PrerenderedDiagram';
const MODULE = '@theme/PrerenderedDiagram';

/** `import PrerenderedDiagram from '@theme/PrerenderedDiagram'` as MDX's ESM node. */
function importNode(): Node {
  return {
    type: 'mdxjsEsm',
    value: `import ${COMPONENT} from '${MODULE}';`,
    data: {
      estree: {
        type: 'Program',
        sourceType: 'module',
        body: [
          {
            type: 'ImportDeclaration',
            specifiers: [
              { type: 'ImportDefaultSpecifier', local: { type: 'Identifier', name: COMPONENT } },
            ],
            source: { type: 'Literal', value: MODULE, raw: `'${MODULE}'` },
          },
        ],
      },
    },
  };
}

/** The SVG as stored, without the header comment `npm run diagrams` writes above it. */
export function readRenderedSvg(dir: string, key: string): string | undefined {
  try {
    const text = readFileSync(join(dir, `${key}.svg`), 'utf8');
    return text.replace(/^<!--[\s\S]*?-->\s*/, '').trim();
  } catch {
    return undefined;
  }
}

/**
 * `<PrerenderedDiagram id="<key>" svg="…" />` for the server build, without `svg` for the browser.
 * @example diagramElement('3f0c…', '<svg…>') // server; diagramElement('3f0c…') // browser
 */
export function diagramElement(key: string, svg?: string): Node {
  const attributes = [{ type: 'mdxJsxAttribute', name: 'id', value: key }];
  if (svg !== undefined) attributes.push({ type: 'mdxJsxAttribute', name: 'svg', value: svg });
  return { type: 'mdxJsxFlowElement', name: COMPONENT, attributes, children: [] };
}

/**
 * @example beforeDefaultRemarkPlugins: [[remarkPrerenderedMermaid, { onMissing: 'throw' }]]
 */
export default function remarkPrerenderedMermaid(options: DiagramsOptions = {}) {
  const dir = options.renderedDir ?? RENDERED_DIR;
  const onMissing = options.onMissing ?? 'throw';
  return (tree: Node, file: File) => {
    // Only the server build puts the SVG in the page; anything else (the browser build, or a
    // compile without a compiler name) leaves it out and lets the component fetch it.
    const inline = file.data?.compilerName === 'server';
    let replaced = 0;
    const visit = (node: Node) => {
      const children = node.children;
      if (!children) return;
      for (let i = 0; i < children.length; i++) {
        const child = children[i]!;
        if (child.type === 'code' && child.lang === 'mermaid') {
          const key = diagramKey(child.value ?? '');
          const svg = readRenderedSvg(dir, key);
          const page = file.path ? relative(process.cwd(), file.path) : 'page';
          const where = `${page}:${child.position?.start.line ?? '?'}`;
          if (!svg) {
            const message =
              `${where}: this Mermaid diagram has no rendered SVG (${key}.svg): its source ` +
              'changed or is new. Run `npm run diagrams` and commit static/diagrams/.';
            if (onMissing === 'throw') throw new Error(message);
            console.warn(`[diagrams] ${message} Showing the source meanwhile.`);
            continue;
          }
          children[i] = diagramElement(key, inline ? svg : undefined);
          replaced++;
        } else {
          visit(child);
        }
      }
    };
    visit(tree);
    if (replaced > 0) tree.children?.unshift(importNode());
  };
}
