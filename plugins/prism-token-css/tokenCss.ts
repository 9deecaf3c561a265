// The code blocks' colours as CSS, from the Prism themes the site configures: one rule per theme
// entry, under the colour mode's [data-theme] so the switch (and the first paint) needs no script.
// It writes no file and knows no Docusaurus; index.ts wires it into the build.
import type { PrismTheme } from 'prism-react-renderer';

/** Only the properties a token style may set here (Prism themes use these). */
const PROPERTIES = {
  color: 'color',
  backgroundColor: 'background-color',
  fontStyle: 'font-style',
  fontWeight: 'font-weight',
  textDecorationLine: 'text-decoration-line',
  opacity: 'opacity',
} as const;

function declarations(style: PrismTheme['plain']): string {
  return Object.entries(style)
    .map(([key, value]) => {
      const property = PROPERTIES[key as keyof typeof PROPERTIES];
      if (property === undefined) throw new Error(`prism theme: style ${key} has no CSS here`);
      return `${property}:${String(value)}`;
    })
    .join(';');
}

/**
 * CSS colouring `.prism-code` blocks and their `.token.<type>` spans in one colour mode. When a
 * token has several types (a YAML key is `key atrule`), the type whose entry comes later in the
 * theme wins; prism-react-renderer's inline styles let the token's last type win instead.
 * @example tokenCss(accessibleLight, 'light')
 */
export function tokenCss(theme: PrismTheme, mode: 'light' | 'dark'): string {
  const scope = `[data-theme=${mode}] .prism-code`;
  const rules = [`${scope}{${declarations(theme.plain)}}`];
  for (const entry of theme.styles) {
    const languages = entry.languages?.map((language) => `.language-${language}`) ?? [''];
    const selectors = languages.flatMap((language) =>
      entry.types.map((type) => `${scope}${language} .token.${type}`)
    );
    rules.push(`${selectors.join(',')}{${declarations(entry.style)}}`);
  }
  return `${rules.join('\n')}\n`;
}
