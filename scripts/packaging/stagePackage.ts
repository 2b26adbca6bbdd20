import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative, sep } from 'node:path';

import { type Lockfile, productionPackages } from './productionPackages.js';

/** What the Functions host loads from the app root, besides `dist/src` and `node_modules`. */
export const appFiles = ['host.json', 'slotpilot.yaml'] as const;

/** package.json fields the deployed app keeps (the host reads `main` and `type`). */
const keptPackageFields = [
  'name',
  'version',
  'description',
  'private',
  'type',
  'main',
  'engines',
  'dependencies',
];

/** A staged deployable folder. */
export interface StagedPackage {
  dir: string;
  /** Every file in it, relative, with `/` separators, sorted. */
  files: string[];
}

/**
 * Lays out the deployable function app in `stageDir` (emptied first): `host.json`,
 * `slotpilot.yaml`, a package.json without scripts or dev dependencies, the compiled app
 * (`dist/src`, source maps left out: the TypeScript they point at is not shipped; the console's
 * browser scripts are under it) and the production dependencies the lockfile names, copied
 * from `node_modules`. Nothing of devhost/, sandbox/, tests/ or web/ sources goes in.
 * Throws, naming the file, when the build or `npm ci` has not been run.
 */
export function stagePackage(root: string, stageDir: string): StagedPackage {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  const main = manifest.main;
  if (typeof main !== 'string' || !main.startsWith('dist/src/')) {
    throw new Error(
      `package.json main: expected a file under dist/src/, got ${JSON.stringify(main)}`,
    );
  }
  if (!existsSync(join(root, main))) {
    throw new Error(`${main} is missing: build the app first ("npm run build")`);
  }
  rmSync(stageDir, { recursive: true, force: true });
  mkdirSync(stageDir, { recursive: true });

  for (const file of appFiles) cpSync(join(root, file), join(stageDir, file));
  const kept = Object.fromEntries(
    keptPackageFields.filter((k) => k in manifest).map((k) => [k, manifest[k]]),
  );
  writeFileSync(join(stageDir, 'package.json'), `${JSON.stringify(kept, null, 2)}\n`);
  cpSync(join(root, 'dist', 'src'), join(stageDir, 'dist', 'src'), {
    recursive: true,
    filter: (src) => !src.endsWith('.map'),
  });

  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as Lockfile;
  for (const pkg of productionPackages(lock)) {
    const from = join(root, pkg.path);
    const installed = readInstalledVersion(from);
    if (installed !== pkg.version) {
      throw new Error(
        `${pkg.path}: expected version ${pkg.version} (package-lock.json), got ${installed ?? 'nothing installed'}: run "npm ci"`,
      );
    }
    // Nested node_modules are lockfile entries of their own (and may hold dev-only packages).
    const nested = join(from, 'node_modules');
    cpSync(from, join(stageDir, pkg.path), {
      recursive: true,
      dereference: true,
      filter: (src) => src !== nested,
    });
  }
  return { dir: stageDir, files: listFiles(stageDir) };
}

function readInstalledVersion(dir: string): string | undefined {
  try {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      version?: unknown;
    };
    return typeof pkg.version === 'string' ? pkg.version : undefined;
  } catch {
    return undefined;
  }
}

function listFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => statSync(join(dir, f)).isFile())
    .map((f) => relative(dir, join(dir, f)).split(sep).join('/'))
    .sort();
}
