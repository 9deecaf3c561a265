// Code-highlighting themes with WCAG AA contrast (4.5:1) for every token on their backgrounds.
// The stock github/dracula themes fail axe's color-contrast rule for comments, keywords and more.
import type { PrismTheme } from 'prism-react-renderer';

export const accessibleLight: PrismTheme = {
  plain: { color: '#1f2328', backgroundColor: '#f6f8fa' },
  styles: [
    {
      types: ['comment', 'prolog', 'doctype', 'cdata'],
      style: { color: '#57606a', fontStyle: 'italic' },
    },
    { types: ['punctuation', 'operator'], style: { color: '#1f2328' } },
    {
      types: ['keyword', 'atrule', 'important', 'selector', 'builtin'],
      style: { color: '#b4232c' },
    },
    {
      types: ['string', 'char', 'attr-value', 'regex', 'url', 'inserted'],
      style: { color: '#0a3069' },
    },
    {
      types: ['property', 'attr-name', 'variable', 'parameter', 'key'],
      style: { color: '#0550ae' },
    },
    { types: ['number', 'boolean', 'constant', 'symbol'], style: { color: '#0550ae' } },
    { types: ['function', 'class-name', 'assign-left'], style: { color: '#6639ba' } },
    { types: ['tag', 'deleted'], style: { color: '#116329' } },
  ],
};

export const accessibleDark: PrismTheme = {
  plain: { color: '#e6edf3', backgroundColor: '#161b22' },
  styles: [
    {
      types: ['comment', 'prolog', 'doctype', 'cdata'],
      style: { color: '#9198a1', fontStyle: 'italic' },
    },
    { types: ['punctuation', 'operator'], style: { color: '#e6edf3' } },
    {
      types: ['keyword', 'atrule', 'important', 'selector', 'builtin'],
      style: { color: '#ff7b72' },
    },
    {
      types: ['string', 'char', 'attr-value', 'regex', 'url', 'inserted'],
      style: { color: '#a5d6ff' },
    },
    {
      types: ['property', 'attr-name', 'variable', 'parameter', 'key'],
      style: { color: '#79c0ff' },
    },
    { types: ['number', 'boolean', 'constant', 'symbol'], style: { color: '#79c0ff' } },
    { types: ['function', 'class-name', 'assign-left'], style: { color: '#d2a8ff' } },
    { types: ['tag', 'deleted'], style: { color: '#7ee787' } },
  ],
};
