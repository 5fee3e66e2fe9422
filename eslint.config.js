// ESLint flat config: typescript-eslint's recommended rules over every package, and the layering.
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const globals = require('globals');
const whatIf = require('./tools/lint/eslint-plugin');

module.exports = tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'coverage/**',
      '.fuzz/**',
      '**/*.d.ts',
      '**/cdk.out/**',
      // The web app's build output and reports (frontend/ is its own npm project).
      'frontend/.next/**',
      'frontend/out/**',
      'frontend/reports/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // Who may import whom: docs/architecture.md, "Layering"; the table is tools/lint/layering.js.
    plugins: { 'what-if': whatIf },
    rules: { 'what-if/layering': 'error' },
  },
  {
    // The web app runs in browsers; its scripts and end-to-end tests run in Node.
    files: ['frontend/**/*.{ts,tsx,mjs}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    // k6 scripts: they report to the operator on the console; tsc (types: k6 only) keeps Node out.
    files: ['loadtest/**/*.ts'],
    languageOptions: { globals: { __ENV: 'readonly', __VU: 'readonly', __ITER: 'readonly' } },
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
