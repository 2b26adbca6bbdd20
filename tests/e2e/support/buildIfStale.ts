/** Runs `npx tsc -p .` and bundles the app unless the build is fresh (under the e2e build lock). */
import { execSync } from 'node:child_process';

import { bundleApp } from '../../../scripts/packaging/bundleApp.js';
import { buildIsFresh, repoRoot } from './buildApp.js';

if (!buildIsFresh()) {
  try {
    execSync('npx tsc -p .', { cwd: repoRoot, stdio: 'ignore' });
  } catch {
    // tsc exits non-zero on type errors elsewhere in the tree but still emits; the caller
    // checks that the entry point exists.
  }
  bundleApp(repoRoot);
}
