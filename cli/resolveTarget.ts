import { CliError, exitCodes } from './CliError.js';
import { findRuntimeFile, readRuntimeInfo } from './RuntimeInfo.js';

/** Where the CLI sends its requests. */
export interface Target {
  /** Origin of the function app (no trailing slash). */
  url: string;
  /** Function key, sent as `x-functions-key` when known. */
  functionKey?: string;
}

/**
 * The running Slotpilot: `SLOTPILOT_URL` (+ `SLOTPILOT_FUNCTION_KEY`) when set, else the
 * `.slotpilot/runtime.json` that `npm start` wrote.
 */
export function resolveTarget(env: NodeJS.ProcessEnv, cwd: string = process.cwd()): Target {
  const url = env.SLOTPILOT_URL;
  if (url) {
    const key = env.SLOTPILOT_FUNCTION_KEY;
    return { url: url.replace(/\/+$/, ''), ...(key ? { functionKey: key } : {}) };
  }
  const file = findRuntimeFile(cwd, env);
  if (file === undefined) {
    throw new CliError(
      'No running Slotpilot found: start one with `npm start`, or set SLOTPILOT_URL (and SLOTPILOT_FUNCTION_KEY).',
      exitCodes.unreachable,
    );
  }
  const info = readRuntimeInfo(file);
  return { url: info.url.replace(/\/+$/, ''), functionKey: info.functionKey };
}
