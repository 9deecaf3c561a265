// Remark plugin for the docs: replaces each ```mermaid fence with its SVG, rendered ahead of time by
// `npm run diagrams`, as inline SVG in a <figure>. No component and no script: the SVG is part of the
// page's own content. The Mermaid source stays in the MDX; no diagram engine ships.

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

export interface DiagramsOptions {
  /** Folder of the rendered SVGs (default plugins/diagrams/rendered). */
  renderedDir?: string;
  /**
   * What to do when a diagram has no rendered SVG: `throw` (production builds) or `keep` the
   * fence as a code block with a warning (the dev server, so `npm start` never needs a browser).
   */
  onMissing?: 'throw' | 'keep';
}

/** An estree object expression `{ key: 'value', … }` for a JSX attribute value. */
function objectExpression(entries: Record<string, string>) {
  return {
    type: 'ObjectExpression',
    properties: Object.entries(entries).map(([key, value]) => ({
      type: 'Property',
      kind: 'init',
      method: false,
      shorthand: false,
      computed: false,
      key: { type: 'Identifier', name: key },
      value: { type: 'Literal', value },
    })),
  };
}

/** A JSX attribute whose value is the object expression, as MDX's estree nodes. */
function objectAttribute(name: string, entries: Record<string, string>) {
  const value = JSON.stringify(entries);
  return {
    type: 'mdxJsxAttribute',
    name,
    value: {
      type: 'mdxJsxAttributeValueExpression',
      value,
      data: {
        estree: {
          type: 'Program',
          sourceType: 'module',
          body: [{ type: 'ExpressionStatement', expression: objectExpression(entries) }],
        },
      },
    },
  };
}

/**
 * `<figure tabIndex="0" style={…} dangerouslySetInnerHTML={{ __html: svg }} />`: focusable so
 * that keyboard users can scroll a diagram wider than a phone; the SVG sizes itself.
 */
export function diagramElement(svg: string): Node {
  return {
    type: 'mdxJsxFlowElement',
    name: 'figure',
    attributes: [
      { type: 'mdxJsxAttribute', name: 'className', value: 'diagram' },
      { type: 'mdxJsxAttribute', name: 'tabIndex', value: '0' },
      objectAttribute('style', { margin: '0 0 var(--ifm-leading)', overflowX: 'auto' }),
      objectAttribute('dangerouslySetInnerHTML', { __html: svg }),
    ],
    children: [],
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
 * @example beforeDefaultRemarkPlugins: [[remarkPrerenderedMermaid, { onMissing: 'throw' }]]
 */
export default function remarkPrerenderedMermaid(options: DiagramsOptions = {}) {
  const dir = options.renderedDir ?? RENDERED_DIR;
  const onMissing = options.onMissing ?? 'throw';
  return (tree: Node, file: { path?: string }) => {
    const visit = (node: Node) => {
      const children = node.children;
      if (!children) return;
      for (let i = 0; i < children.length; i++) {
        const child = children[i]!;
        if (child.type === 'code' && child.lang === 'mermaid') {
          const key = diagramKey(child.value ?? '');
          const svg = readRenderedSvg(dir, key);
          const where = `${file.path ? relative(process.cwd(), file.path) : 'page'}:${child.position?.start.line ?? '?'}`;
          if (!svg) {
            const message =
              `${where}: this Mermaid diagram has no rendered SVG (${key}.svg): its source ` +
              'changed or is new. Run `npm run diagrams` and commit plugins/diagrams/rendered/.';
            if (onMissing === 'throw') throw new Error(message);
            console.warn(`[diagrams] ${message} Showing the source meanwhile.`);
            continue;
          }
          children[i] = diagramElement(svg);
        } else {
          visit(child);
        }
      }
    };
    visit(tree);
  };
}
