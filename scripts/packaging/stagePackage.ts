import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';

import { consoleScriptsDir } from '../../src/functions/console/consoleAssets.js';
import { type Lockfile, productionPackages } from './productionPackages.js';
import { writeZip, type ZipInput } from './zipArchive.js';

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

/**
 * The files of the deployable function app, by their path in the package: `host.json`,
 * `slotpilot.yaml`, a package.json without scripts or dev dependencies, the app's bundle (the
 * folder of package.json `main`: the entry and its lazily loaded chunks), the console's browser
 * scripts, and the production dependencies the lockfile names, from `node_modules`. Source maps
 * are left out (the TypeScript they point at is not shipped), and so are the unbundled compiled
 * modules the bundle was made from. Nothing of devhost/, sandbox/, tests/ or web/ sources.
 * Sorted by name.
 * Throws, naming the file, when the build or `npm ci` has not been run.
 */
export function planPackage(root: string): ZipInput[] {
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
  if (!statSync(join(root, main), { throwIfNoEntry: false })?.isFile()) {
    throw new Error(`${main} is missing: build the app first ("npm run build")`);
  }
  const kept = Object.fromEntries(
    keptPackageFields.filter((k) => k in manifest).map((k) => [k, manifest[k]]),
  );
  const files: ZipInput[] = [
    ...appFiles.map((name) => fileAt(root, name)),
    { name: 'package.json', data: Buffer.from(`${JSON.stringify(kept, null, 2)}\n`), mode: 0o644 },
    ...[posix.dirname(main), consoleScriptsDir.split(sep).join('/')].flatMap((dir) =>
      filesUnder(root, dir).filter((f) => !f.name.endsWith('.map')),
    ),
  ];

  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as Lockfile;
  for (const pkg of productionPackages(lock)) {
    const installed = readInstalledVersion(join(root, pkg.path));
    if (installed !== pkg.version) {
      throw new Error(
        `${pkg.path}: expected version ${pkg.version} (package-lock.json), got ${installed ?? 'nothing installed'}: run "npm ci"`,
      );
    }
    // Nested node_modules are lockfile entries of their own (and may hold dev-only packages).
    files.push(...filesUnder(root, pkg.path, `${pkg.path}/node_modules/`));
  }
  return files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Writes the planned files into `dir` (emptied first): the folder azd deploys. */
export function stageFiles(files: readonly ZipInput[], dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  for (const file of files) {
    const target = join(dir, ...file.name.split('/'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.data ?? readFileSync(file.source ?? ''), { mode: file.mode });
  }
}

/**
 * `npm run package`: plans the deployable app, stages it in `stageDir` and zips it to
 * `zipFile`. Returns the files, by their path in the package.
 */
export function packageApp(root: string, stageDir: string, zipFile: string): ZipInput[] {
  const files = planPackage(root);
  stageFiles(files, stageDir);
  writeZip(files, zipFile);
  return files;
}

function fileAt(root: string, name: string): ZipInput {
  const source = join(root, ...name.split('/'));
  return { name, source, mode: statSync(source).mode & 0o777 };
}

/** Every file under `folder` (symbolic links followed), except those under `skip`. */
function filesUnder(root: string, folder: string, skip?: string): ZipInput[] {
  const base = join(root, folder);
  return (readdirSync(base, { recursive: true }) as string[])
    .map((f) => `${folder}/${relative(base, join(base, f)).split(sep).join('/')}`)
    .filter((name) => skip === undefined || !name.startsWith(skip))
    .filter((name) => statSync(join(root, name)).isFile())
    .map((name) => fileAt(root, name));
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
