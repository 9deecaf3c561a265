// Runs in Chromium next to mermaid.min.js, for `npm run diagrams` (render.ts loads it). Renders one
// diagram in both colour modes and returns one SVG: the light mode's drawing and styles, plus the
// dark mode's styles that differ, scoped to `[data-theme='dark']` (the site's colour-mode switch).
// It writes no files and knows nothing of the docs.
/* global window, document, DOMParser, XMLSerializer, CSSStyleSheet, CSSStyleRule, mermaid */

const DARK_SCOPE = "[data-theme='dark']";

/** Narrowest the diagram may be drawn, as a share of its natural width, before it scrolls. */
const MIN_SCALE = 0.7;

function parseSvg(text) {
  const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
  const error = doc.querySelector('parsererror');
  if (error) throw new Error(`Mermaid produced SVG that does not parse: ${error.textContent}`);
  return doc.documentElement;
}

/** Removes the SVG's <style> elements and returns their CSS. */
function takeStyles(svg) {
  return [...svg.querySelectorAll('style')]
    .map((style) => {
      style.remove();
      return style.textContent ?? '';
    })
    .join('\n');
}

/** Attributes that only colour a shape; CSS overrides them, so the dark mode can restyle them. */
const COLOUR_ATTRIBUTES = new Set([
  'fill',
  'stroke',
  'stop-color',
  'stop-opacity',
  'fill-opacity',
  'stroke-opacity',
  'color',
  'flood-color',
  'lighting-color',
]);

/**
 * Walks the two drawings side by side. They must match except in colour attributes; each element
 * whose colours differ gets a `data-dark` mark in the light drawing and a dark-mode CSS rule.
 */
function colourOverrides(light, dark, svgId) {
  const rules = [];
  const walk = (a, b, path) => {
    if (a.nodeType !== b.nodeType || a.nodeName !== b.nodeName) {
      throw new Error(`the drawings differ at ${path}: ${a.nodeName} / ${b.nodeName}`);
    }
    if (a.nodeType === 3 || a.nodeType === 8) {
      if (a.nodeValue !== b.nodeValue) throw new Error(`the drawings' text differs at ${path}`);
      return;
    }
    if (a.nodeType !== 1) return;
    const names = new Set([...a.getAttributeNames(), ...b.getAttributeNames()]);
    const declarations = [];
    for (const name of names) {
      const x = a.getAttribute(name);
      const y = b.getAttribute(name);
      if (x === y) continue;
      if (!COLOUR_ATTRIBUTES.has(name) || y === null) {
        throw new Error(`the drawings differ at ${path} in ${name}: ${x} / ${y}`);
      }
      declarations.push(`${name}:${y}`);
    }
    if (declarations.length) {
      const mark = String(rules.length);
      a.setAttribute('data-dark', mark);
      rules.push(`${DARK_SCOPE} #${svgId} [data-dark="${mark}"]{${declarations.join(';')}}`);
    }
    if (a.childNodes.length !== b.childNodes.length) {
      throw new Error(
        `the drawings differ at ${path}: ${a.childNodes.length} / ${b.childNodes.length} children`
      );
    }
    a.childNodes.forEach((child, i) =>
      walk(child, b.childNodes[i], `${path} > ${child.nodeName}[${i}]`)
    );
  };
  walk(light, dark, light.nodeName);
  return rules.join('');
}

function rulesOf(css) {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  return [...sheet.cssRules];
}

function scoped(rule) {
  if (!(rule instanceof CSSStyleRule)) return rule.cssText;
  const selectors = rule.selectorText.split(',').map((s) => `${DARK_SCOPE} ${s.trim()}`);
  return `${selectors.join(',')}{${rule.style.cssText}}`;
}

/** The dark rules that differ from the light ones, scoped; all of them if the sheets differ in shape. */
function darkOverrides(lightCss, darkCss) {
  const light = rulesOf(lightCss);
  const dark = rulesOf(darkCss);
  const sameShape =
    light.length === dark.length &&
    light.every(
      (rule, i) =>
        rule.constructor === dark[i].constructor && rule.selectorText === dark[i].selectorText
    );
  return dark
    .filter((rule, i) => !sameShape || rule.cssText !== light[i].cssText)
    .map(scoped)
    .join('');
}

/**
 * Renders one diagram in one colour mode. Mermaid numbers some elements with counters that
 * survive a render, so render.ts calls this once per freshly loaded page.
 * @param {{ id: string, source: string, config: object }} input
 * @returns {Promise<string>} the SVG
 */
window.renderMermaid = async ({ id, source, config }) => {
  mermaid.initialize({ ...config, deterministicIDSeed: id });
  const { svg } = await mermaid.render(id, source);
  return svg;
};

/**
 * Merges the two renderings of a diagram into one SVG that follows the site's colour mode.
 * @param {{ id: string, light: string, dark: string }} input
 * @returns {{ svg: string, width: number }}
 */
window.combineModes = ({ id, light, dark }) => {
  const lightSvg = parseSvg(light);
  const darkSvg = parseSvg(dark);
  const firstStyle = lightSvg.querySelector('style');
  if (!firstStyle) throw new Error('Mermaid produced an SVG without a <style> element');
  const anchor = { parent: firstStyle.parentNode, next: firstStyle.nextSibling };
  const lightCss = takeStyles(lightSvg);
  const darkCss = takeStyles(darkSvg);
  const attributeRules = colourOverrides(lightSvg, darkSvg, id);
  const style = document.createElementNS('http://www.w3.org/2000/svg', 'style');
  style.textContent = `${lightCss}${darkOverrides(lightCss, darkCss)}${attributeRules}`;
  anchor.parent.insertBefore(style, anchor.next);

  const width = lightSvg.viewBox.baseVal.width;
  if (!(width > 0)) throw new Error('Mermaid produced an SVG without a viewBox');
  // Fits its column, centred, never wider than drawn nor narrower than legible (then it scrolls).
  lightSvg.style.display = 'block';
  lightSvg.style.height = 'auto';
  lightSvg.style.margin = '0 auto';
  lightSvg.style.maxWidth = `${Math.ceil(width)}px`;
  lightSvg.style.minWidth = `${Math.min(Math.ceil(width), Math.round(width * MIN_SCALE))}px`;
  return { svg: new XMLSerializer().serializeToString(lightSvg), width };
};
