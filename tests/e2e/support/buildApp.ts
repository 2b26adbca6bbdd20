import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

import { bundleDir } from '../../../scripts/packaging/bundleApp.js';

/** The repository root (the function app folder the dev host loads). */
export const repoRoot = path.resolve(import.meta.dirname, '../../..');

const entry = path.join(repoRoot, bundleDir, 'index.js');

function newestMtimeMs(dir: string): number {
  let newest = 0;
  for (const item of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, item.name);
    const t = item.isDirectory() ? newestMtimeMs(full) : statSync(full).mtimeMs;
    if (t > newest) newest = t;
  }
  return newest;
}

/** True when the app's bundle (package.json `main`) is newer than every file in `src/`. */
export function buildIsFresh(): boolean {
  return existsSync(entry) && statSync(entry).mtimeMs >= newestMtimeMs(path.join(repoRoot, 'src'));
}

/**
 * Compiles and bundles the app (`npx tsc -p .`, `bundleApp`) unless the build is fresh. Runs under a lock file and
 * checks again inside it, so e2e files started together build once.
 */
export function buildAppOnce(): void {
  if (buildIsFresh()) return;
  execFileSync(
    'flock',
    [
      '/tmp/slotpilot-e2e-build.lock',
      process.execPath,
      '--import',
      'tsx',
      'tests/e2e/support/buildIfStale.ts',
    ],
    { cwd: repoRoot, stdio: 'inherit' },
  );
  if (!existsSync(entry))
    throw new Error(`build: expected ${entry} after npx tsc -p . and bundleApp, got nothing`);
}
