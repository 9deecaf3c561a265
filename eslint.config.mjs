// Lint for TypeScript (site, sandbox, tests) and MDX docs. Formatting is prettier's job.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import * as mdx from 'eslint-plugin-mdx';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'build/**',
      '.docusaurus/**',
      'node_modules/**',
      '**/node_modules/**',
      'static/mockServiceWorker.js',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    extends: [...tseslint.configs.recommended],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    ...mdx.flat,
    files: ['**/*.mdx'],
    languageOptions: {
      ...mdx.flat.languageOptions,
      globals: {
        Tabs: 'readonly',
        TabItem: 'readonly',
        Details: 'readonly',
      },
    },
    rules: {
      ...mdx.flat.rules,
      'mdx/remark': 'off',
    },
  }
);
