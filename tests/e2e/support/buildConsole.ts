import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

import { repoRoot } from './buildApp.js';

/** Where `tsc -p web/tsconfig.json` puts the console's browser modules. */
export const consoleAssetsDir = path.join(repoRoot, 'dist/src/functions/console/assets');
const webSrc = path.join(repoRoot, 'web/src');

/** True when every compiled console module is newer than every file in `web/src` (and web/tsconfig.json). */
export function consoleBuildIsFresh(): boolean {
  if (!existsSync(path.join(consoleAssetsDir, 'app.js'))) return false;
  const built = readdirSync(consoleAssetsDir).map(
    (n) => statSync(path.join(consoleAssetsDir, n)).mtimeMs,
  );
  const sources = [
    ...readdirSync(webSrc).map((n) => statSync(path.join(webSrc, n)).mtimeMs),
    statSync(path.join(repoRoot, 'web/tsconfig.json')).mtimeMs,
  ];
  return Math.min(...built) >= Math.max(...sources);
}

/**
 * Compiles the console's browser code (`tsc -p web/tsconfig.json`, part of `npm run build`)
 * unless it is fresh, under the e2e build lock, checking again inside it.
 */
export function buildConsoleOnce(): void {
  if (consoleBuildIsFresh()) return;
  execFileSync(
    'flock',
    [
      '/tmp/slotpilot-e2e-build.lock',
      process.execPath,
      '--import',
      'tsx',
      'tests/e2e/support/buildConsoleIfStale.ts',
    ],
    { cwd: repoRoot, stdio: 'inherit' },
  );
  if (!consoleBuildIsFresh()) {
    throw new Error(
      `console build: expected fresh modules in ${consoleAssetsDir} after tsc -p web/tsconfig.json, got stale or none`,
    );
  }
}
