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

/** Selector text with pseudo-classes and pseudo-elements removed, for matching against the drawing. */
function structural(selector) {
  return selector
    .replace(/\[data-theme=["']dark["']\]/g, '')
    .replace(/::?[a-z-]+(\([^)]*\))?/g, '')
    .trim();
}

function matchesSomething(svg, selector) {
  const bare = structural(selector);
  if (!bare) return true;
  if (bare === `#${svg.id}`) return true;
  try {
    return svg.querySelector(bare) !== null;
  } catch {
    return true;
  }
}

/**
 * Mermaid's style sheet covers every feature of a diagram type; keep the selectors that match an
 * element of this drawing, and the keyframes that a kept rule animates with.
 */
function pruneCss(css, svg) {
  const kept = [];
  const keyframes = [];
  for (const rule of rulesOf(css)) {
    if (rule instanceof CSSStyleRule) {
      const selectors = rule.selectorText
        .split(',')
        .map((s) => s.trim())
        .filter((s) => matchesSomething(svg, s));
      if (selectors.length) kept.push(`${selectors.join(',')}{${rule.style.cssText}}`);
    } else if (rule.type === 7 /* CSSRule.KEYFRAMES_RULE */) {
      keyframes.push(rule);
    } else {
      kept.push(rule.cssText);
    }
  }
  const text = kept.join('');
  const animations = keyframes.filter((k) => new RegExp(`\\b${k.name}\\b`).test(text));
  return animations.map((k) => k.cssText).join('') + text;
}

/** Numbers in geometry, rounded to two decimals: sub-pixel detail no screen shows. */
function roundNumbers(text) {
  // A number starts after neither a digit nor a dot: `.04.0454` is two numbers in path data.
  return text.replace(/(?<![\d.])-?\d*\.\d{3,}/g, (n) => String(Math.round(Number(n) * 100) / 100));
}

const GEOMETRY = [
  'd',
  'points',
  'transform',
  'x',
  'y',
  'x1',
  'y1',
  'x2',
  'y2',
  'width',
  'height',
  'cx',
  'cy',
  'r',
  'rx',
  'ry',
  'viewBox',
];

/**
 * Drops what Mermaid writes but nothing draws: unreferenced markers and gradients, bookkeeping
 * attributes, default font attributes, empty styles, and word-by-word <tspan>s (merged into one
 * run of text per line, which also reads better to screen readers).
 */
function slim(svg, css) {
  const referenced = (id) =>
    css.includes(`#${id}`) ||
    [svg, ...svg.querySelectorAll('*')].some((el) =>
      el.getAttributeNames().some((name) => {
        const value = el.getAttribute(name) ?? '';
        return (
          value.includes(`url(#${id})`) ||
          value === `#${id}` ||
          (name.startsWith('aria-') && value.split(/\s+/).includes(id))
        );
      })
    );
  for (const def of [
    ...svg.querySelectorAll('marker, linearGradient, radialGradient, filter, symbol'),
  ]) {
    if (!def.id || !referenced(def.id)) def.remove();
  }
  for (const defs of [...svg.querySelectorAll('defs')]) {
    if (defs.childNodes.length === 0) defs.remove();
  }
  for (const el of [...svg.querySelectorAll('*')]) {
    for (const name of el.getAttributeNames()) {
      const value = el.getAttribute(name);
      if (
        (name.startsWith('data-') && name !== 'data-dark') ||
        (name === 'style' && !value.trim()) ||
        ((name === 'font-style' || name === 'font-weight') && value === 'normal') ||
        (name === 'id' && el !== svg && !referenced(value))
      ) {
        el.removeAttribute(name);
      } else if (GEOMETRY.includes(name)) {
        el.setAttribute(name, roundNumbers(value));
      }
    }
  }
  const sameAttributes = (a, b) =>
    a.getAttributeNames().length === b.getAttributeNames().length &&
    a.getAttributeNames().every((n) => a.getAttribute(n) === b.getAttribute(n));
  for (const tspan of [...svg.querySelectorAll('tspan')]) {
    const next = tspan.nextSibling;
    if (
      next &&
      next.nodeName === 'tspan' &&
      tspan.children.length === 0 &&
      next.children.length === 0 &&
      sameAttributes(tspan, next)
    ) {
      next.textContent = `${tspan.textContent}${next.textContent}`;
      tspan.remove();
    }
  }
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
  const css = `${lightCss}${darkOverrides(lightCss, darkCss)}${attributeRules}`;
  slim(lightSvg, css);
  const style = document.createElementNS('http://www.w3.org/2000/svg', 'style');
  style.textContent = pruneCss(css, lightSvg);
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
