/** The parts of an npm lockfile (v2/v3 `packages` map) that packaging reads. */
export interface Lockfile {
  packages?: Record<string, { version?: string; dev?: boolean; link?: boolean }>;
}

/** One installed package the deployed app needs. */
export interface ProductionPackage {
  /** Its folder relative to the project root, e.g. `node_modules/@azure/functions`. */
  path: string;
  version: string;
}

/**
 * The packages `npm ci --omit=dev` would install, read from the lockfile: every
 * `node_modules/…` entry not marked `dev` (optional and dev-optional ones included, as npm
 * does), nested copies listed on their own. Sorted by path.
 *
 * @example productionPackages(JSON.parse(readFileSync('package-lock.json', 'utf8')))
 */
export function productionPackages(lock: Lockfile): ProductionPackage[] {
  if (lock.packages === undefined) {
    throw new Error('package-lock.json: expected lockfileVersion 2 or 3 (a "packages" map)');
  }
  return Object.entries(lock.packages)
    .filter(([path, entry]) => path.startsWith('node_modules/') && entry.dev !== true)
    .map(([path, entry]) => {
      if (entry.link === true) {
        throw new Error(`package-lock.json: ${path} is a link; a deployable package needs a copy`);
      }
      if (entry.version === undefined) {
        throw new Error(`package-lock.json: ${path} has no version`);
      }
      return { path, version: entry.version };
    })
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
