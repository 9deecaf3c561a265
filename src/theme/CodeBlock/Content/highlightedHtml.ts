// Highlighted code as one HTML string: Prism's tokens (the same as the theme's <Highlight>) in
// `token <type>` spans whose colours come from CSS (plugins/prism-token-css). It renders no React
// and reads no colour mode; Content/index.tsx mounts the string.
import type { EnvConfig, PrismLib, PrismTheme, Token } from 'prism-react-renderer';
import { normalizeTokens } from 'prism-react-renderer';

/** What a line needs besides its tokens: the magic-comment classes, and line-number markup. */
export interface HighlightedLineOptions {
  /** Classes per line index (e.g. `theme-code-block-highlighted-line`), from the block metadata. */
  readonly lineClassNames: Readonly<Record<number, readonly string[]>>;
  /** When set, each line carries the classes that number it (CSS counters, as the theme does). */
  readonly lineNumbers?: {
    readonly line: string;
    readonly number: string;
    readonly content: string;
  };
  /** Types written as bare text (plainTypes()); none by default. */
  readonly plain?: PlainTypes;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (found) => ESCAPES[found] ?? found);
}

/** Prism's tokens for `code`, split into lines, exactly as prism-react-renderer's `useTokenize`. */
export function tokenizeLines(prism: PrismLib, code: string, language: string): Token[][] {
  const grammar = prism.languages[language];
  if (grammar == null) return normalizeTokens([code]);
  const env: EnvConfig = { code, grammar, language, tokens: [] };
  prism.hooks.run('before-tokenize', env);
  env.tokens = prism.tokenize(code, grammar);
  prism.hooks.run('after-tokenize', env);
  return normalizeTokens(env.tokens);
}

/** Token types drawn in the block's own colour in every theme: they need no element. */
export type PlainTypes = ReadonlySet<string>;

/**
 * The types whose style is only the plain colour, in every one of `themes` (e.g. punctuation).
 * @example plainTypes([accessibleLight, accessibleDark]) // Set { 'punctuation', 'operator' }
 */
export function plainTypes(themes: readonly PrismTheme[]): PlainTypes {
  const plainIn = (theme: PrismTheme) => {
    const styles = new Map<string, Record<string, unknown>>();
    for (const entry of theme.styles) {
      if (entry.languages) continue;
      for (const type of entry.types) styles.set(type, { ...styles.get(type), ...entry.style });
    }
    const plain = new Set<string>();
    for (const [type, style] of styles) {
      const keys = Object.keys(style);
      if (keys.length === 1 && keys[0] === 'color' && style.color === theme.plain.color) {
        plain.add(type);
      }
    }
    return plain;
  };
  const [first, ...rest] = themes.map(plainIn);
  return new Set([...(first ?? [])].filter((type) => rest.every((set) => set.has(type))));
}

function tokenHtml(token: Token, plain: PlainTypes): string {
  // An empty line's token: the line break ending every line keeps its height (as the theme's Line).
  if (token.empty || token.content === '') return '';
  const text = escapeHtml(token.content);
  // Text in the block's own colour needs no element.
  if (token.types.every((type) => type === 'plain' || plain.has(type))) return text;
  return `<span class="token ${token.types.join(' ')}">${text}</span>`;
}

/**
 * The inner HTML of a code block's <code>: escaped text and token spans, one line per source line.
 * A line with classes (a highlighted line) or a number is a `div.token-line` closed by <br>, as the
 * theme writes it; any other line is its text and a newline, which the <pre> keeps.
 * @example highlightedHtml(tokenizeLines(Prism, 'a: 1', 'yaml'), { lineClassNames: {} })
 */
export function highlightedHtml(lines: Token[][], options: HighlightedLineOptions): string {
  const { lineClassNames, lineNumbers, plain = new Set() } = options;
  let html = '';
  lines.forEach((line, index) => {
    const tokens = line.map((token) => tokenHtml(token, plain)).join('');
    const lineClasses = lineClassNames[index] ?? [];
    if (!lineNumbers && lineClasses.length === 0) {
      html += `${tokens}\n`;
      return;
    }
    const classes = ['token-line', ...lineClasses];
    if (lineNumbers) classes.push(lineNumbers.line);
    const body = lineNumbers
      ? `<span class="${lineNumbers.number}"></span><span class="${lineNumbers.content}">${tokens}</span>`
      : tokens;
    html += `<div class="${escapeHtml(classes.join(' '))}">${body}<br></div>`;
  });
  return html;
}
