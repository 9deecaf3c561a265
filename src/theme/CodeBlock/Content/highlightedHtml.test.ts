// Highlighted code as one HTML string: the same tokens as prism-react-renderer's <Highlight>, no
// inline styles, bare text where the colour is the block's, and lines the <pre> shows one per line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { createElement, type ReactElement } from 'react';
import { Highlight, Prism, type Token } from 'prism-react-renderer';
import { accessibleDark, accessibleLight } from '../../prismThemes';
import { highlightedHtml, plainTypes, tokenizeLines } from './highlightedHtml';

const YAML = 'apiVersion: v1\nkind: ConfigMap\n\nmetadata:\n  name: "<ISSUER>" # a & b';
const PLAIN = plainTypes([accessibleLight, accessibleDark]);

// react-dom ships no types here; the one function used is typed by hand.
const { renderToStaticMarkup } = createRequire(import.meta.url)('react-dom/server') as {
  renderToStaticMarkup(element: ReactElement): string;
};

/** The tokens the theme's <Highlight> renders, read through its render prop. */
function highlightTokens(code: string, language: string): Token[][] {
  let tokens: Token[][] = [];
  renderToStaticMarkup(
    createElement(Highlight, {
      code,
      language,
      theme: accessibleLight,
      children: (props) => {
        tokens = props.tokens;
        return createElement('pre');
      },
    })
  );
  return tokens;
}

/** The text a reader sees: tags dropped, entities decoded. */
function text(html: string): string {
  return html
    .replace(/<br>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

test('tokenises exactly as the theme does', () => {
  for (const [code, language] of [
    [YAML, 'yaml'],
    ['{ "a": [1, true] }', 'json'],
    ['const a = 1;', 'js'],
    ['no grammar <here>', 'nosuchlanguage'],
  ] as const) {
    assert.deepEqual(tokenizeLines(Prism, code, language), highlightTokens(code, language));
  }
});

test('writes escaped text, token classes and no inline style', () => {
  const html = highlightedHtml(tokenizeLines(Prism, YAML, 'yaml'), {
    lineClassNames: {},
    plain: PLAIN,
  });
  assert.equal(text(html), `${YAML}\n`);
  assert.doesNotMatch(html, /style=/);
  assert.match(html, /<span class="token key atrule">apiVersion<\/span>/);
  assert.match(html, /<span class="token string">&quot;&lt;ISSUER&gt;&quot;<\/span>/);
  assert.match(html, /<span class="token comment"># a &amp; b<\/span>/);
  // Punctuation has the block's own colour in both themes: bare text.
  assert.ok(PLAIN.has('punctuation'));
  assert.doesNotMatch(html, /token punctuation/);
});

test('a line with classes or a number is a div closed by <br>; the rest are text lines', () => {
  const lines = tokenizeLines(Prism, 'a: 1\nb: 2\n\nc: 3', 'yaml');
  const highlighted = highlightedHtml(lines, {
    lineClassNames: { 1: ['theme-code-block-highlighted-line'] },
  });
  assert.equal(highlighted.match(/<div /g)?.length, 1);
  assert.match(
    highlighted,
    /<div class="token-line theme-code-block-highlighted-line">.*b.*<br><\/div>/
  );
  assert.equal(text(highlighted), 'a: 1\nb: 2\n\nc: 3\n');

  const numbered = highlightedHtml(lines, {
    lineClassNames: {},
    lineNumbers: { line: 'L', number: 'N', content: 'C' },
  });
  assert.equal(
    numbered.match(/<div class="token-line L"><span class="N"><\/span><span class="C">/g)?.length,
    4
  );
});

test('plain types are those with only the plain colour in every theme', () => {
  assert.deepEqual([...PLAIN].sort(), ['operator', 'punctuation']);
  // An operator drawn in another colour in one theme is no longer plain.
  const other = {
    ...accessibleDark,
    styles: [...accessibleDark.styles, { types: ['operator'], style: { color: '#ffffff' } }],
  };
  assert.deepEqual([...plainTypes([accessibleLight, other])], ['punctuation']);
});
