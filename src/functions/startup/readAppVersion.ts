import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The `version` of the app's package.json, or `0.0.0` when it cannot be read. */
export function readAppVersion(root: string): string {
  try {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      version?: unknown;
    };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}
