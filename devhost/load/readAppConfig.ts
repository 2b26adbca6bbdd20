import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The parts of host.json, local.settings.json and package.json the dev host uses. */
export interface AppConfig {
  appDir: string;
  main: string;
  routePrefix: string;
  hubName: string;
  maxConcurrentActivities: number;
  maxConcurrentOrchestrations: number;
  /** local.settings.json Values (strings only). */
  values: Record<string, string>;
}

function readJson(file: string): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch (err) {
    throw new Error(
      `${file}: expected a JSON object, got unreadable content (${(err as Error).message})`,
      {
        cause: err,
      },
    );
  }
}

function obj(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
}

/**
 * Reads the app folder's configuration; missing host.json / local.settings.json use defaults.
 * `settingsFile` replaces the folder's local.settings.json (same shape, `{"Values": {...}}`),
 * and must exist.
 */
export function readAppConfig(appDir: string, settingsFile?: string): AppConfig {
  const dir = path.resolve(appDir);
  const pkgFile = path.join(dir, 'package.json');
  if (!existsSync(pkgFile))
    throw new Error(`appDir: expected a folder with package.json, got ${dir}`);
  const pkg = readJson(pkgFile);
  const main = typeof pkg['main'] === 'string' ? pkg['main'] : 'index.js';
  const hostFile = path.join(dir, 'host.json');
  const host = existsSync(hostFile) ? readJson(hostFile) : {};
  const ext = obj(host['extensions']);
  const http = obj(ext['http']);
  const dt = obj(ext['durableTask']);
  if (settingsFile !== undefined && !existsSync(settingsFile))
    throw new Error(
      `--settings: expected an existing local.settings.json-style file, got ${settingsFile}`,
    );
  const file = settingsFile ?? path.join(dir, 'local.settings.json');
  const rawValues = existsSync(file) ? obj(readJson(file)['Values']) : {};
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(rawValues)) if (typeof v === 'string') values[k] = v;
  const prefix = typeof http['routePrefix'] === 'string' ? http['routePrefix'] : 'api';
  return {
    appDir: dir,
    main,
    routePrefix: prefix.replace(/^\/+|\/+$/g, ''),
    hubName: typeof dt['hubName'] === 'string' ? dt['hubName'] : 'TestHubName',
    maxConcurrentActivities:
      typeof dt['maxConcurrentActivityFunctions'] === 'number'
        ? dt['maxConcurrentActivityFunctions']
        : 10,
    maxConcurrentOrchestrations:
      typeof dt['maxConcurrentOrchestratorFunctions'] === 'number'
        ? dt['maxConcurrentOrchestratorFunctions']
        : 10,
    values,
  };
}
