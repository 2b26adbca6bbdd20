/**
 * `tsx scripts/bundle.ts` (the last step of `npm run build`): bundles the compiled app into
 * `dist/src/bundle/`, the entry package.json `main` names (see `bundleApp`).
 */
import { relative } from 'node:path';

import { bundleApp } from './packaging/bundleApp.js';

const root = process.cwd();
console.log(`bundled the app: ${relative(root, bundleApp(root))}`);
