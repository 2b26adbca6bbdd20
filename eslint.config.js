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

/** Files of a src/ layer folder and its subfolders (a folder pattern could not re-include one). */
const filesOf = (layer) => [`**/${layer}/*.js`, `**/${layer}/*/*.js`, `**/${layer}/*/*/*.js`];

/** Azure SDK packages (all but the Functions programming model). */
const azureSdk = ['@azure/*', '!@azure/functions'];

/**
 * Import boundaries of the README's dependency rule (functions → orchestrators → activities →
 * azure; domain imported by all, importing none; src/ never imports the dev host or the
 * sandbox), one list per folder. Each file gets exactly one list (flat config keeps the last
 * `no-restricted-imports` that matches), so every src/ layer's list includes `app`.
 */
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
    {
      group: [...azureSdk, '@azure/functions', 'durable-functions', 'durable-functions/*'],
      message: 'The domain is pure: no Azure or Durable SDK (a port or a trigger does that).',
    },
  ],
  functions: [
    {
      group: azureSdk,
      message: 'Triggers reach Azure through the ports of src/azure, not through SDK packages.',
    },
    {
      group: [...filesOf('azure'), '!**/azure/ports/*'],
      message: 'Triggers know the ports of src/azure (passed in by src/index.ts), not adapters.',
    },
    {
      group: filesOf('activities'),
      message: 'Triggers start, raise and query orchestrations; activities run inside them.',
    },
  ],
  orchestrators: [
    {
      group: azureSdk,
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
    {
      group: ['**/functions/**'],
      message: 'Orchestrators never import triggers (triggers start orchestrations).',
    },
  ],
  activities: [
    {
      group: azureSdk,
      message: 'Activities reach Azure through the ports of src/azure, not through SDK packages.',
    },
    {
      group: ['**/functions/**', '**/orchestrators/**'],
      message: 'Activities import only the domain and src/azure (they run below orchestrators).',
    },
  ],
  azure: [
    {
      group: ['**/functions/**', '**/orchestrators/**', '**/activities/**'],
      message: 'Adapters import only the domain: they know nothing of the layers above them.',
    },
  ],
};

/** Import boundaries of the local tools beside src/: the dev host, the sandbox and shared/. */
const toolPatterns = {
  devhost: [
    {
      group: ['**/src/**', '**/sandbox/**'],
      message: 'The dev host runs any function app: it imports neither the app nor the sandbox.',
    },
  ],
  sandbox: [
    {
      group: ['**/src/**', '**/devhost/**'],
      message:
        'The sandbox plays Azure: it imports neither the app nor the dev host (clock: shared/).',
    },
  ],
  shared: [
    {
      group: ['**/src/**', '**/devhost/**', '**/sandbox/**'],
      message: 'shared/ is neutral: the dev host and the sandbox import it, it imports neither.',
    },
  ],
};

/** `no-restricted-imports` for files under several layers (flat config keeps the last rule only). */
function restrictImports(patterns, paths = []) {
  return ['error', { paths, patterns }];
}

/** Per-layer import rules for src/ (besides the orchestrators') and the tools, shared with the lint fixtures. */
export const layerRules = {
  app: { 'no-restricted-imports': restrictImports(layerPatterns.app) },
  domain: {
    'no-restricted-imports': restrictImports([...layerPatterns.app, ...layerPatterns.domain]),
  },
  functions: {
    'no-restricted-imports': restrictImports([...layerPatterns.app, ...layerPatterns.functions]),
  },
  activities: {
    'no-restricted-imports': restrictImports([...layerPatterns.app, ...layerPatterns.activities]),
  },
  azure: {
    'no-restricted-imports': restrictImports([...layerPatterns.app, ...layerPatterns.azure]),
  },
  devhost: { 'no-restricted-imports': restrictImports(toolPatterns.devhost) },
  sandbox: { 'no-restricted-imports': restrictImports(toolPatterns.sandbox) },
  shared: { 'no-restricted-imports': restrictImports(toolPatterns.shared) },
};

/** Only the composition root (src/index.ts) reads app settings; everything else is passed them. */
export const environmentRules = {
  'no-restricted-properties': [
    'error',
    {
      object: 'process',
      property: 'env',
      message: 'Only src/index.ts reads process.env: take the setting as a parameter.',
    },
  ],
};

/** Triggers answer at once (202 + Location); they never wait inside a request for work to finish. */
export const triggerRules = {
  'no-restricted-globals': [
    'error',
    ...['setTimeout', 'setInterval'].map((name) => ({
      name,
      message:
        'Triggers do not wait: answer 202 with Location and let the status URL show progress.',
    })),
  ],
};

/** Determinism rules for orchestrators (STYLE.md §1), shared by the real tree and the lint fixtures. */
/** Orchestrators wait for external events only through calls/EventWaits (it says why). */
const rawEventWait = {
  selector: "CallExpression[callee.property.name='waitForExternalEvent']",
  message:
    'Wait for external events with calls/EventWaits: a wait that lost a race takes the next event.',
};

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
    rawEventWait,
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
  { files: ['src/**/*.ts'], rules: { ...layerRules.app, ...environmentRules } },
  { files: ['src/index.ts'], rules: { 'no-restricted-properties': 'off' } },
  { files: ['src/domain/**/*.ts'], rules: layerRules.domain },
  { files: ['src/functions/**/*.ts'], rules: { ...layerRules.functions, ...triggerRules } },
  { files: ['src/activities/**/*.ts'], rules: layerRules.activities },
  { files: ['src/azure/**/*.ts'], rules: layerRules.azure },
  { files: ['devhost/**/*.ts'], rules: layerRules.devhost },
  { files: ['sandbox/**/*.ts'], rules: layerRules.sandbox },
  { files: ['shared/**/*.ts'], rules: layerRules.shared },
  {
    files: ['src/orchestrators/**/*.ts'],
    rules: orchestratorRules,
  },
  {
    files: ['src/orchestrators/calls/EventWaits.ts'],
    rules: {
      'no-restricted-syntax': orchestratorRules['no-restricted-syntax'].filter(
        (entry) => entry !== rawEventWait,
      ),
    },
  },
  {
    // The app reads as named steps: orchestrators one phase per function, triggers thin, the
    // domain one rule per function; the CLI one function per command, the console one per
    // part of the page (STYLE.md, "Shape").
    files: ['src/**/*.ts', 'cli/**/*.ts', 'web/src/**/*.ts'],
    rules: {
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }],
    },
  },
);
