import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { expandGlob } from './expandGlob.js';
import { FunctionRegistry } from './FunctionRegistry.js';
import { installCoreApi } from './installCoreApi.js';
import { validateRegistrations } from './validateRegistrations.js';

let loaded: { appDir: string; registry: Promise<FunctionRegistry> } | undefined;

async function load(
  appDir: string,
  main: string,
  log: (line: string) => void,
): Promise<FunctionRegistry> {
  const registry = new FunctionRegistry();
  installCoreApi(registry, log);
  for (const file of expandGlob(appDir, main)) {
    await import(pathToFileURL(path.join(appDir, file)).href);
  }
  if (registry.programmingModel === undefined || registry.functions.size === 0) {
    throw new Error(`app ${appDir}: expected at least one registered function, got none`);
  }
  validateRegistrations(registry, log);
  for (const hook of registry.hooks.get('appStart') ?? []) {
    await hook({ hookData: {}, appHookData: {}, functionAppDirectory: appDir });
  }
  registry.locked = true;
  return registry;
}

/**
 * Loads the app's entry files once per process and returns what it registered. A second
 * call with the same folder reuses the captured registrations (ESM modules cannot be
 * unloaded); a different folder in the same process is refused.
 */
export function loadApp(
  appDir: string,
  main: string,
  log: (line: string) => void,
): Promise<FunctionRegistry> {
  if (loaded !== undefined) {
    if (loaded.appDir !== appDir) {
      throw new Error(
        `appDir: this process already loaded ${loaded.appDir}; got ${appDir} (one app per process)`,
      );
    }
    return loaded.registry;
  }
  loaded = { appDir, registry: load(appDir, main, log) };
  return loaded.registry;
}
