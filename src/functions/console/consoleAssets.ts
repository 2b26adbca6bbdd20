import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { consoleCss } from './consoleCss.js';
import { consolePage } from './consolePage.js';

/** Where `npm run build` puts the compiled browser code (web/), relative to the app root. */
export const consoleScriptsDir = join('dist', 'src', 'functions', 'console', 'assets');

/** One file the console serves. */
export interface ConsoleAsset {
  body: string;
  contentType: string;
  /** Strong ETag of the body. */
  etag: string;
}

/** The console's files: the page, its stylesheet and its scripts by file name. */
export interface ConsoleAssets {
  page: ConsoleAsset;
  /** `app.css`, `app.js` and the modules it imports, by file name. */
  files: ReadonlyMap<string, ConsoleAsset>;
  /** Set when the compiled scripts are missing (the app was built without `npm run build`). */
  missing?: string;
}

/**
 * Reads the console's files once: the page and stylesheet from this module, the scripts from
 * {@link consoleScriptsDir} under `root` (the deployed package's root). Only `.js` files
 * directly in that folder are served.
 */
export function loadConsoleAssets(root: string): ConsoleAssets {
  const files = new Map<string, ConsoleAsset>([
    ['app.css', asset(consoleCss, 'text/css; charset=utf-8')],
  ]);
  const dir = join(root, consoleScriptsDir);
  const names = existsSync(dir) ? readdirSync(dir).filter((n) => /^[\w.-]+\.js$/.test(n)) : [];
  for (const name of names) {
    files.set(name, asset(readFileSync(join(dir, name), 'utf8'), 'text/javascript; charset=utf-8'));
  }
  return {
    page: asset(consolePage, 'text/html; charset=utf-8'),
    files,
    ...(files.has('app.js')
      ? {}
      : { missing: `${join(dir, 'app.js')} is missing: build the console with "npm run build"` }),
  };
}

function asset(body: string, contentType: string): ConsoleAsset {
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 27);
  return { body, contentType, etag: `"${hash}"` };
}
