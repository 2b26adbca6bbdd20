import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** The repository root (the function app folder the dev host loads). */
export const repoRoot = path.resolve(import.meta.dirname, '../../..');

function newestMtimeMs(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const t = entry.isDirectory() ? newestMtimeMs(full) : statSync(full).mtimeMs;
    if (t > newest) newest = t;
  }
  return newest;
}

/**
 * Compiles the app (`npx tsc -p .`) unless `dist/src/index.js` is newer than every file in
 * `src/`. Serialised across test processes with a lock file, so parallel e2e files build once.
 */
export function buildAppOnce(): void {
  const entry = path.join(repoRoot, 'dist/src/index.js');
  const fresh = () =>
    existsSync(entry) && statSync(entry).mtimeMs >= newestMtimeMs(path.join(repoRoot, 'src'));
  if (fresh()) return;
  execFileSync(
    'flock',
    ['/tmp/slotpilot-e2e-build.lock', 'sh', '-c', 'npx tsc -p . >/dev/null 2>&1 || true'],
    { cwd: repoRoot, stdio: 'inherit' },
  );
  if (!existsSync(entry))
    throw new Error(`build: expected ${entry} after npx tsc -p ., got nothing`);
}
