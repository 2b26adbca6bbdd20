/**
 * The app's cold import (package.json `main`, what the Functions worker loads on every cold
 * start) loads no Azure SDK package but `@azure/functions`, and neither zod, yaml nor jose:
 * they load on first use, the pipeline config before the first invocation (issue 14). Runs
 * the built app in a fresh `node` process with the dev host's stand-in `@azure/functions-core`
 * and local.settings.json's values, recording every module the app resolves. Timing is the
 * bench's business (`npm run bench:coldstart`), not this test's.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';

import { buildAppOnce, repoRoot } from './support/buildApp.js';

/** Packages the cold import must not load: every dependency but the bare pair's. */
function lazyPackages(): string[] {
  const { dependencies } = JSON.parse(
    readFileSync(path.join(repoRoot, 'package.json'), 'utf8'),
  ) as {
    dependencies: Record<string, string>;
  };
  const lazy = Object.keys(dependencies).filter(
    (name) => name !== '@azure/functions' && name !== 'durable-functions',
  );
  for (const name of ['zod', 'yaml', 'jose', '@azure/arm-appservice', '@azure/storage-blob']) {
    assert.ok(lazy.includes(name), `expected ${name} among the app's dependencies`);
  }
  return lazy;
}

function appMain(): string {
  return (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { main: string })
    .main;
}

function resolvedByColdImport(): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'slotpilot-cold-'));
  const log = path.join(dir, 'resolved.txt');
  try {
    const hooks = [
      `import { appendFileSync } from 'node:fs';`,
      `export async function resolve(specifier, context, next) {`,
      `  const result = await next(specifier, context);`,
      `  appendFileSync(${JSON.stringify(log)}, result.url + '\\n');`,
      `  return result;`,
      `}`,
    ].join('\n');
    const href = (file: string): string => pathToFileURL(path.join(repoRoot, file)).href;
    const script = [
      `import { register } from 'node:module';`,
      `register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});`,
      `const { installCoreApi } = await import(${JSON.stringify(href('dist/devhost/load/installCoreApi.js'))});`,
      `const { FunctionRegistry } = await import(${JSON.stringify(href('dist/devhost/load/FunctionRegistry.js'))});`,
      `const registry = new FunctionRegistry();`,
      `installCoreApi(registry, () => {});`,
      `await import(${JSON.stringify(href(appMain()))});`,
      `process.stdout.write(String(registry.functions.size));`,
    ].join('\n');
    const { Values: settings } = JSON.parse(
      readFileSync(path.join(repoRoot, 'local.settings.json'), 'utf8'),
    ) as { Values: Record<string, string> };
    const registered = execFileSync(process.execPath, ['--input-type=module', '--eval', script], {
      cwd: repoRoot,
      env: { ...process.env, ...settings },
      encoding: 'utf8',
    });
    assert.ok(
      Number(registered) > 10,
      `expected the app to register its functions, got ${registered}`,
    );
    return readFileSync(log, 'utf8').split('\n').filter(Boolean);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the cold import registers every function without loading zod, yaml, jose or an Azure SDK client package', () => {
  buildAppOnce();
  const resolved = resolvedByColdImport();
  assert.ok(
    resolved.some((url) => url.endsWith(`/${appMain()}`)),
    'expected the resolve hook to see the app',
  );
  assert.ok(
    resolved.some((url) => url.includes('/node_modules/durable-functions/')),
    'expected the resolve hook to see the packages the app imports',
  );
  const eager = lazyPackages().filter((name) =>
    resolved.some((url) => url.includes(`/node_modules/${name}/`)),
  );
  assert.deepEqual(eager, [], `loaded at cold start: ${eager.join(', ')}`);
});
