/**
 * `npm run package [-- --no-build]`: builds the app and writes the deployable zip,
 * `dist/slotpilot.zip` (host.json, slotpilot.yaml, package.json, dist/src and the production
 * dependencies), from the folder it stages, `dist/package` (azure.yaml's `dist` for azd).
 * Deploy it with `az functionapp deployment source config-zip` (infra/README.md).
 */
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';

import { packageApp } from './packaging/stagePackage.js';

const { values } = parseArgs({ options: { 'no-build': { type: 'boolean' } } });
const root = process.cwd();
const stageDir = join(root, 'dist', 'package');
const zipFile = join(root, 'dist', 'slotpilot.zip');

if (values['no-build'] !== true) {
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
try {
  const files = packageApp(root, stageDir, zipFile);
  const mb = (statSync(zipFile).size / 1024 / 1024).toFixed(1);
  console.log(
    `${relative(root, zipFile)}: ${files.length} files, ${mb} MB (staged in ${relative(root, stageDir)})`,
  );
} catch (error) {
  console.error(`package: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
