// @ts-check
import js from '@eslint/js';
import simpleImportSort from 'eslint-plugin-simple-import-sort';
import tseslint from 'typescript-eslint';

/** Node built-ins an orchestrator must never touch (I/O, time, randomness, processes). */
const nodeBuiltins = [
  'assert',
  'async_hooks',
  'buffer',
  'child_process',
  'cluster',
  'crypto',
  'dgram',
  'dns',
  'events',
  'fs',
  'fs/promises',
  'http',
  'http2',
  'https',
  'net',
  'os',
  'path',
  'perf_hooks',
  'process',
  'readline',
  'stream',
  'timers',
  'timers/promises',
  'tls',
  'url',
  'util',
  'v8',
  'vm',
  'worker_threads',
  'zlib',
];

/** Import boundaries of the README's dependency rule, one list per layer of src/. */
const layerPatterns = {
  app: [
    {
      group: ['**/devhost/**', '**/sandbox/**', '**/shared/**'],
      message: 'src/ is the app: it never imports the dev host, the sandbox or their tools.',
    },
  ],
  domain: [
    {
      group: ['**/azure/**', '**/activities/**', '**/functions/**', '**/orchestrators/**'],
      message: 'The domain imports no other layer of src/: pass what it needs in.',
    },
  ],
  functions: [
    {
      group: ['@azure/*', '!@azure/functions'],
      message: 'Triggers reach Azure through the ports of src/azure, not through SDK packages.',
    },
  ],
  orchestrators: [
    {
      group: ['@azure/*', '!@azure/functions'],
      message: 'Orchestrators do no I/O: call an activity instead of an Azure SDK client.',
    },
    {
      group: [
        '**/azure/**',
        // Files only: a pattern that excludes a folder cannot re-include its contracts.
        '**/activities/*.js',
        '**/activities/*/*.js',
        '!**/activities/contracts*',
        '!**/activities/*/contracts*',
      ],
      message: 'Orchestrators know activity contracts, not implementations or adapters.',
    },
  ],
};

/** `no-restricted-imports` for files under several layers (flat config keeps the last rule only). */
function restrictImports(patterns, paths = []) {
  return ['error', { paths, patterns }];
}

/** Per-layer import rules for src/ (besides the orchestrators'), shared with the lint fixtures. */
export const layerRules = {
  app: { 'no-restricted-imports': restrictImports(layerPatterns.app) },
  domain: {
    'no-restricted-imports': restrictImports([...layerPatterns.app, ...layerPatterns.domain]),
  },
  functions: {
    'no-restricted-imports': restrictImports([...layerPatterns.app, ...layerPatterns.functions]),
  },
};

/** Determinism rules for orchestrators (STYLE.md §1), shared by the real tree and the lint fixtures. */
export const orchestratorRules = {
  'no-restricted-imports': restrictImports(
    [...layerPatterns.app, ...layerPatterns.orchestrators],
    nodeBuiltins.flatMap((name) => [
      { name, message: 'Orchestrators are deterministic: no Node built-ins.' },
      { name: `node:${name}`, message: 'Orchestrators are deterministic: no Node built-ins.' },
    ]),
  ),
  'no-restricted-properties': [
    'error',
    { object: 'Date', property: 'now', message: 'Use context.df.currentUtcDateTime.' },
    {
      object: 'Math',
      property: 'random',
      message: 'Orchestrators are deterministic: no randomness.',
    },
    { object: 'performance', property: 'now', message: 'Use context.df.currentUtcDateTime.' },
  ],
  'no-restricted-syntax': [
    'error',
    {
      selector: "NewExpression[callee.name='Date'][arguments.length=0]",
      message: 'Argument-less new Date() reads the wall clock: use context.df.currentUtcDateTime.',
    },
    {
      selector: "CallExpression[callee.name='Date'][arguments.length=0]",
      message: 'Date() reads the wall clock: use context.df.currentUtcDateTime.',
    },
  ],
  'no-restricted-globals': [
    'error',
    { name: 'setTimeout', message: 'Wait with context.df.createTimer.' },
    { name: 'setInterval', message: 'Wait with context.df.createTimer.' },
    { name: 'setImmediate', message: 'Wait with context.df.createTimer.' },
    { name: 'fetch', message: 'Orchestrators do no I/O: call an activity.' },
    { name: 'process', message: 'Orchestrators read no environment: pass it in the input.' },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.slotpilot/**',
      'tests/fixtures/lint/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'simple-import-sort': simpleImportSort },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite'] },
          ],
        },
      ],
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      eqeqeq: ['error', 'always'],
      'simple-import-sort/imports': 'error',
      'simple-import-sort/exports': 'error',
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  { files: ['src/**/*.ts'], rules: layerRules.app },
  { files: ['src/domain/**/*.ts'], rules: layerRules.domain },
  { files: ['src/functions/**/*.ts'], rules: layerRules.functions },
  {
    files: ['src/orchestrators/**/*.ts'],
    rules: orchestratorRules,
  },
  {
    // Orchestrators read as named steps, one phase per function (STYLE.md, "Shape").
    files: ['src/orchestrators/**/*.ts'],
    rules: {
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }],
    },
  },
);
