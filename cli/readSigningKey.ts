import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

import { CliError, exitCodes } from './CliError.js';

/**
 * The bearer-token signing key: `SLOTPILOT_SIGNING_KEY` from the environment, else
 * `Values.SLOTPILOT_SIGNING_KEY` of the nearest local.settings.json (the dev-only key).
 */
export function readSigningKey(env: NodeJS.ProcessEnv, from: string = process.cwd()): string {
  const fromEnv = env.SLOTPILOT_SIGNING_KEY;
  if (fromEnv) return fromEnv;
  let dir = resolve(from);
  for (;;) {
    const file = join(dir, 'local.settings.json');
    if (existsSync(file)) {
      const settings = JSON.parse(readFileSync(file, 'utf8')) as {
        Values?: Record<string, string>;
      };
      const key = settings.Values?.SLOTPILOT_SIGNING_KEY;
      if (key) return key;
      break;
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new CliError(
    'No signing key: set SLOTPILOT_SIGNING_KEY or run from a folder with local.settings.json.',
    exitCodes.usage,
  );
}
