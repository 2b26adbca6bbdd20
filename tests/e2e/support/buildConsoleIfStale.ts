/** Runs `tsc -p web/tsconfig.json` unless the console build is fresh (called under the e2e build lock). */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

import { repoRoot } from './buildApp.js';
import { consoleBuildIsFresh } from './buildConsole.js';

if (!consoleBuildIsFresh()) {
  execFileSync(
    process.execPath,
    [path.join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', 'web/tsconfig.json'],
    { cwd: repoRoot, stdio: 'inherit' },
  );
}
