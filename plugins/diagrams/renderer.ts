// What a rendered diagram depends on besides its Mermaid source: the renderer's identity (Mermaid's
// version, the Mermaid configuration of each colour mode, the browser script), and the key that
// names a rendered SVG. Used by the remark plugin, `npm run diagrams` and the tests; it renders
// nothing.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The Mermaid release that renders the diagrams: the exact devDependency in package.json. */
export const MERMAID_VERSION = '11.17.2';

/** The script that turns Mermaid's two renderings into one SVG, in Chromium (render.ts loads it). */
export const BROWSER_SCRIPT = join(process.cwd(), 'plugins/diagrams/browser/render.js');

/** Where `npm run diagrams` writes the SVGs, one `<key>.svg` per diagram: committed, and served
 * at /diagrams/<key>.svg for pages the reader reaches without a full page load. */
export const RENDERED_DIR = join(process.cwd(), 'static/diagrams');

/**
 * Metric-compatible stack: Liberation Sans, which renders here, has Arial's and Helvetica's
 * advance widths, so labels measured here fit their boxes where readers have those fonts.
 */
export const DIAGRAM_FONT = 'Arial, Helvetica, "Liberation Sans", sans-serif';

/** Mermaid settings both colour modes share: SVG text labels (no HTML in foreignObject). */
const COMMON = {
  startOnLoad: false,
  securityLevel: 'strict',
  deterministicIds: true,
  fontFamily: DIAGRAM_FONT,
  htmlLabels: false,
  // Compact spacing, so that a five-step chain still fits a desktop column at 11 px or more.
  flowchart: {
    htmlLabels: false,
    useMaxWidth: true,
    padding: 10,
    nodeSpacing: 30,
    diagramPadding: 8,
    wrappingWidth: 240,
    subGraphTitleMargin: { top: 6, bottom: 14 },
  },
  sequence: {
    useMaxWidth: true,
    mirrorActors: false,
    diagramMarginX: 8,
    actorMargin: 24,
    width: 120,
  },
  theme: 'base',
} as const;

/**
 * Colours follow the site's palette (src/css/custom.css): text at least 7:1 on its fill, lines and
 * borders at least 3:1 on the page, in each mode.
 */
export const MERMAID_CONFIG = {
  light: {
    ...COMMON,
    themeVariables: {
      darkMode: false,
      fontFamily: DIAGRAM_FONT,
      fontSize: '16px',
      background: '#ffffff',
      primaryColor: '#e9f1fb',
      primaryBorderColor: '#1d5fa8',
      primaryTextColor: '#1c1e21',
      secondaryColor: '#f3f5f8',
      secondaryBorderColor: '#5f6b78',
      secondaryTextColor: '#1c1e21',
      tertiaryColor: '#f6f8fa',
      tertiaryBorderColor: '#5f6b78',
      tertiaryTextColor: '#1c1e21',
      lineColor: '#4b5561',
      textColor: '#1c1e21',
      edgeLabelBackground: '#ffffff',
      clusterBkg: '#f6f8fa',
      clusterBorder: '#5f6b78',
      titleColor: '#1c1e21',
      actorBkg: '#e9f1fb',
      actorBorder: '#1d5fa8',
      actorTextColor: '#1c1e21',
      actorLineColor: '#5f6b78',
      signalColor: '#1c1e21',
      signalTextColor: '#1c1e21',
      labelBoxBkgColor: '#e9f1fb',
      labelBoxBorderColor: '#1d5fa8',
      labelTextColor: '#1c1e21',
      loopTextColor: '#1c1e21',
      noteBkgColor: '#fff8dc',
      noteBorderColor: '#8a6d00',
      noteTextColor: '#1c1e21',
      activationBkgColor: '#dde8f5',
      activationBorderColor: '#1d5fa8',
    },
  },
  dark: {
    ...COMMON,
    themeVariables: {
      darkMode: true,
      fontFamily: DIAGRAM_FONT,
      fontSize: '16px',
      background: '#1b1b1d',
      primaryColor: '#1d3148',
      primaryBorderColor: '#7ab8f5',
      primaryTextColor: '#f0f2f4',
      secondaryColor: '#26292e',
      secondaryBorderColor: '#9aa4b0',
      secondaryTextColor: '#f0f2f4',
      tertiaryColor: '#232529',
      tertiaryBorderColor: '#9aa4b0',
      tertiaryTextColor: '#f0f2f4',
      lineColor: '#b9c1cb',
      textColor: '#f0f2f4',
      edgeLabelBackground: '#1b1b1d',
      clusterBkg: '#232529',
      clusterBorder: '#9aa4b0',
      titleColor: '#f0f2f4',
      actorBkg: '#1d3148',
      actorBorder: '#7ab8f5',
      actorTextColor: '#f0f2f4',
      actorLineColor: '#9aa4b0',
      signalColor: '#e3e6ea',
      signalTextColor: '#f0f2f4',
      labelBoxBkgColor: '#1d3148',
      labelBoxBorderColor: '#7ab8f5',
      labelTextColor: '#f0f2f4',
      loopTextColor: '#f0f2f4',
      noteBkgColor: '#3a3520',
      noteBorderColor: '#d9c36a',
      noteTextColor: '#f0f2f4',
      activationBkgColor: '#27405c',
      activationBorderColor: '#7ab8f5',
    },
  },
} as const;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The renderer's identity: Mermaid's version, and hashes of the configuration above and of the
 * browser script. Any change to them changes every key, and the freshness test asks for a
 * re-render (`npm run diagrams`).
 */
export const RENDERER = `mermaid ${MERMAID_VERSION}, config ${sha256(
  JSON.stringify(MERMAID_CONFIG)
).slice(0, 8)}, script ${sha256(readFileSync(BROWSER_SCRIPT, 'utf8')).slice(0, 8)}`;

/**
 * The name of a diagram's rendered SVG: a hash of the renderer and the Mermaid source as the MDX
 * fence holds it. Any change to either gives a new key, so a stale SVG is never used.
 * @example diagramKey('flowchart LR\n  a --> b') // '3f0c…' (16 hex digits)
 */
export function diagramKey(source: string): string {
  return sha256(`${RENDERER}\n${source}`).slice(0, 16);
}
