import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * `.slotpilot/runtime.json`, written by `npm start` once everything listens and removed on
 * shutdown: every local endpoint, so `npm run push` and the CLI find the running instance.
 */
export interface RuntimeInfo {
  /** Origin of the dev host running the function app, e.g. `http://127.0.0.1:7071`. */
  url: string;
  /** Function key for `/api/*` (sent as `x-functions-key`). */
  functionKey: string;
  /** PID of the `npm start` process. */
  pid: number;
  startedAt: string;
  /** `sandbox` (simulated Azure, scaled clock) or `azure` (real Azure, real time). */
  mode: 'sandbox' | 'azure';
  /** Clock speed-up (1 = real time). */
  timeScale: number;
  /** Event Grid webhook of the dev host the sandbox delivers pushes to. */
  eventGridUrl: string;
  /** Sandbox endpoints (sandbox mode only). */
  sandbox?: {
    adminUrl: string;
    armEndpoint: string;
    logsEndpoint: string;
    slackUrl: string;
    hooksUrl: string;
    blobConnectionString: string;
    caCertPath: string;
  };
}

/** Relative location of the runtime file under the repository root. */
export const runtimeFileName = join('.slotpilot', 'runtime.json');

/**
 * Where `npm start` writes the runtime file: `SLOTPILOT_RUNTIME_FILE` when set (tests, several
 * instances side by side), else `<root>/.slotpilot/runtime.json`.
 */
export function runtimeFilePath(root: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.SLOTPILOT_RUNTIME_FILE
    ? resolve(env.SLOTPILOT_RUNTIME_FILE)
    : join(root, runtimeFileName);
}

/**
 * Finds the runtime file: `SLOTPILOT_RUNTIME_FILE` when set, else `.slotpilot/runtime.json` in
 * `from` or the nearest folder above it that has one.
 */
export function findRuntimeFile(
  from: string = process.cwd(),
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  if (env.SLOTPILOT_RUNTIME_FILE) {
    const file = resolve(env.SLOTPILOT_RUNTIME_FILE);
    return existsSync(file) ? file : undefined;
  }
  let dir = resolve(from);
  for (;;) {
    const candidate = join(dir, runtimeFileName);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Reads a runtime file; throws with the path when it is unreadable. */
export function readRuntimeInfo(path: string): RuntimeInfo {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as RuntimeInfo;
  } catch (error) {
    throw new Error(`cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
}

/** Writes the runtime file (creating `.slotpilot/`). */
export function writeRuntimeInfo(path: string, info: RuntimeInfo): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(info, null, 2)}\n`);
}
