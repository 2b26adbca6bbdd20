import { rmSync } from 'node:fs';
import { join } from 'node:path';

import { buildSync } from 'esbuild';

/** Where the bundled app goes, relative to the app root; package.json `main` names its `index.js`. */
export const bundleDir = 'dist/src/bundle';

/**
 * Bundles the compiled app (`dist/src/index.js` and everything of ours it imports) into one
 * ES module, `dist/src/bundle/index.js`, which package.json `main` names: the Functions worker
 * then reads one file at cold start instead of some two hundred (issue 14: the module count,
 * not their code, was most of what the app added to the bare SDK pair). npm packages stay
 * external (loaded from node_modules as before); each dynamic `import()` (config, zod
 * schemas, Azure SDK clients) becomes its own chunk, still loaded on first use. Run after
 * `tsc`; replaces the previous bundle. Returns the entry file's path.
 * @example bundleApp(process.cwd()) // → /repo/dist/src/bundle/index.js
 */
export function bundleApp(root: string): string {
  const outdir = join(root, bundleDir);
  rmSync(outdir, { recursive: true, force: true });
  buildSync({
    absWorkingDir: root,
    entryPoints: [join(root, 'dist/src/index.js')],
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    chunkNames: 'chunks/[name]-[hash]',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  return join(outdir, 'index.js');
}
