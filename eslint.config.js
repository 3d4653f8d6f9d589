// ESLint for the TypeScript page, its tests and the Node/browser scripts (the style step of
// `npm test`). TypeScript gets typescript-eslint's strict type-checked rules; plain JavaScript gets
// ESLint's recommended ones; everything gets the bans below.
//
// typescript-eslint needs TypeScript's JavaScript compiler API, which TypeScript 7 (the Go port)
// does not ship yet, so package.json installs TypeScript 6 under the name `typescript` (the
// linter's) and TypeScript 7 as `@typescript/native`, whose `tsc` is the one the build and
// `tsc -p web` run — the side-by-side set-up TypeScript 7's release notes describe.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Markup from strings is how untrusted text (a CSV, a shared URL) becomes script: build nodes and
// set textContent instead. Reading these properties is banned too: it is never needed here.
const htmlSinks = ['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'setHTMLUnsafe'].map(
  (property) => ({ property, message: 'Build DOM nodes and set textContent instead.' }),
);
const bans = {
  'no-restricted-properties': [
    'error',
    ...htmlSinks,
    { object: 'document', property: 'write', message: 'Build DOM nodes instead.' },
    { object: 'document', property: 'writeln', message: 'Build DOM nodes instead.' },
  ],
  'no-eval': 'error',
  'no-new-func': 'error',
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'build/**',
      'build-*/**',
      'web/dist/**',
      'web/src/wasm/core.mjs', // Emscripten's generated glue (the page's and the tools' modules)
      'web/src/wasm/core-tools.mjs',
      'web/src/wasm/core-labs.mjs', // the labs' module (wasm/lab_bindings.cpp)
      'test-results/**',
      'playwright-report/**',
    ],
  },
  {
    files: ['**/*.{js,mjs}'],
    extends: [js.configs.recommended],
    // (For TypeScript, strictTypeChecked's @typescript-eslint/no-implied-eval does this.)
    rules: {
      ...bans,
      'no-implied-eval': 'error',
      // A rest pattern copies an object without some fields (`const { format: _, ...rest } = o`).
      'no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'eslint.config.js', 'e2e/**/*.mjs', 'bench/browser/server.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    // The runners drive Chromium: the callbacks they hand to page.evaluate run in the page.
    files: ['bench/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // Emscripten JS libraries (emcc --js-library): a script whose globals the linker provides.
    files: ['core/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: { mergeInto: 'readonly', LibraryManager: 'readonly', UTF8ToString: 'readonly' },
    },
  },
  {
    // Code emcc pastes into a module's glue (--post-js): it sees the glue's own functions.
    files: ['wasm/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: {
        craftInvokerFunction: 'writable',
        stackSave: 'readonly',
        stackRestore: 'readonly',
      },
    },
  },
  {
    // The page's first script (a classic script in ES5, so that any browser runs it and shows
    // why the page cannot start); ES5 has no `catch {}` without a binding.
    files: ['web/public/startup-check.js'],
    languageOptions: {
      ecmaVersion: 5,
      sourceType: 'script',
      globals: { ...globals.browser, Uint8Array: 'readonly' },
    },
    rules: { 'no-unused-vars': ['error', { caughtErrors: 'none' }] },
  },
  {
    files: ['web/src/**/*.mjs'],
    languageOptions: { globals: globals.browser },
  },
  {
    // Module workers (bench/browser, bench/roofline) and the code they share with Node runners.
    files: ['bench/browser/**/*.js', 'bench/roofline/**/*.js', 'bench/real_data.js'],
    languageOptions: { globals: { ...globals.worker, ...globals.node } },
  },
  {
    // Classic scripts: the peers' worker loads them with importScripts, so no import/export.
    files: ['bench/peers/**/*.js', 'bench/batches.js'],
    languageOptions: { sourceType: 'script', globals: globals.worker },
  },
  {
    files: ['**/*.{ts,mts}'],
    extends: [tseslint.configs.strictTypeChecked, tseslint.configs.stylisticTypeChecked],
    languageOptions: {
      // One program for everything: web/tsconfig.json includes the page, its tests, e2e/, scripts/
      // and the tool configs, with the compiler options tsc checks them with.
      parserOptions: { project: ['web/tsconfig.json'], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      ...bans,
      // noUncheckedIndexedAccess types every xs[i] as possibly undefined; `xs[i]!` where the loop or
      // a check above puts i in range is how this code says so (a slip still throws a TypeError).
      '@typescript-eslint/no-non-null-assertion': 'off',
      // `() => doSomething()` as a handler is the idiom; braces around a void call add nothing.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // A rest pattern copies an object without some fields (`const { lr: _lr, ...rest } = o`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { ignoreRestSiblings: true, varsIgnorePattern: '^_', argsIgnorePattern: '^_' },
      ],
      // With exactOptionalPropertyTypes an optional field is removed with delete (assigning
      // undefined is a type error), and `delete el.dataset[key]` removes a data- attribute.
      '@typescript-eslint/no-dynamic-delete': 'off',
      // `{ x: number }[]` or `Array<[string, number]>`, whichever reads better: no bug hides in either.
      '@typescript-eslint/array-type': 'off',
      // A no-op callback (silencing Emscripten's printErr, a mocked console.warn) is an empty arrow.
      '@typescript-eslint/no-empty-function': ['error', { allow: ['arrowFunctions'] }],
      // For strings `||` deliberately treats '' as missing (a label falls back past an empty id).
      '@typescript-eslint/prefer-nullish-coalescing': [
        'error',
        { ignorePrimitives: { string: true } },
      ],
      // Numbers in messages and labels are the norm here (`${epoch}`, `${loss.toFixed(3)}`).
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  {
    // uPlot declares Side and Distr as ambient const enums, which isolatedModules cannot inline:
    // the charts write uPlot's documented numbers (side 1 = right, distr 3 = logarithmic).
    files: ['web/src/render/training-charts.ts'],
    rules: { '@typescript-eslint/no-unsafe-enum-assignment': 'off' },
  },
);
