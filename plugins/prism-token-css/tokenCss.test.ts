// The code blocks' colours as CSS: every theme entry under its colour mode, nothing left out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accessibleDark, accessibleLight } from '../../src/theme/prismThemes';
import { tokenCss } from './tokenCss';

test('one rule per theme entry, scoped to the colour mode', () => {
  for (const [theme, mode] of [
    [accessibleLight, 'light'],
    [accessibleDark, 'dark'],
  ] as const) {
    const css = tokenCss(theme, mode);
    const rules = css.trim().split('\n');
    assert.equal(rules.length, theme.styles.length + 1);
    assert.equal(
      rules[0],
      `[data-theme=${mode}] .prism-code{color:${theme.plain.color};background-color:${theme.plain.backgroundColor}}`
    );
    for (const entry of theme.styles) {
      for (const type of entry.types)
        assert.ok(css.includes(`[data-theme=${mode}] .prism-code .token.${type}`));
      assert.ok(css.includes(`color:${entry.style.color}`));
    }
    assert.match(css, /\.token\.comment[^{]*\{color:#[0-9a-f]{6};font-style:italic\}/);
  }
});

test('a language-specific entry applies to that language only', () => {
  const css = tokenCss(
    {
      plain: { color: '#000' },
      styles: [{ types: ['key'], languages: ['yaml'], style: { color: '#111' } }],
    },
    'light'
  );
  assert.match(css, /\[data-theme=light\] \.prism-code\.language-yaml \.token\.key\{color:#111\}/);
});

test('a style this CSS cannot express is an error, not a silent gap', () => {
  assert.throws(
    () =>
      tokenCss(
        { plain: { color: '#000' }, styles: [{ types: ['key'], style: { textShadow: '1px' } }] },
        'dark'
      ),
    /textShadow/
  );
});
