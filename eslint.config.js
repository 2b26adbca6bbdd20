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

/** Determinism rules for orchestrators (STYLE.md §1), shared by the real tree and the lint fixtures. */
export const orchestratorRules = {
  'no-restricted-imports': [
    'error',
    {
      paths: nodeBuiltins.flatMap((name) => [
        { name, message: 'Orchestrators are deterministic: no Node built-ins.' },
        { name: `node:${name}`, message: 'Orchestrators are deterministic: no Node built-ins.' },
      ]),
      patterns: [
        {
          group: ['@azure/*', '!@azure/functions'],
          message: 'Orchestrators do no I/O: call an activity instead of an Azure SDK client.',
        },
        {
          group: ['**/azure/**', '**/activities/*.js', '!**/activities/contracts*'],
          message: 'Orchestrators know activity contracts, not implementations or adapters.',
        },
      ],
    },
  ],
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
  {
    files: ['src/orchestrators/**/*.ts'],
    rules: orchestratorRules,
  },
);
