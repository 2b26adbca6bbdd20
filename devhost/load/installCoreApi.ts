import Module from 'node:module';

import type { BindingInfo, FunctionRegistry, HookCallback } from './FunctionRegistry.js';

const coreModuleName = '@azure/functions-core';
let installed: FunctionRegistry | undefined;

interface Disposable {
  dispose(): void;
}

class CoreDisposable implements Disposable {
  constructor(private readonly onDispose: () => void) {}
  static from(...items: Disposable[]): Disposable {
    return new CoreDisposable(() => items.forEach((d) => d.dispose()));
  }
  dispose(): void {
    this.onDispose();
  }
}

function createCoreApi(registry: FunctionRegistry, log: (line: string) => void): object {
  return {
    version: '3.10.1',
    hostVersion: '4.1037.0',
    Disposable: CoreDisposable,
    setProgrammingModel(pm: unknown): void {
      registry.programmingModel = pm;
    },
    getProgrammingModel(): unknown {
      return registry.programmingModel;
    },
    registerFunction(
      metadata: { name: string; bindings: Record<string, BindingInfo> },
      callback: (...args: unknown[]) => unknown,
    ): Disposable {
      if (registry.locked) throw new Error('A function can only be registered during app startup.');
      const name = metadata.name;
      if (registry.find(name) !== undefined) {
        throw new Error(`A function with the name "${name}" has already been registered.`);
      }
      const entry = Object.entries(metadata.bindings).find(([, b]) => /trigger$/i.test(b.type));
      if (entry === undefined) throw new Error(`Function "${name}": no trigger binding`);
      registry.functions.set(name, {
        name,
        bindings: metadata.bindings,
        callback,
        triggerName: entry[0],
        trigger: entry[1],
      });
      return new CoreDisposable(() => {
        if (registry.locked) throw new Error('A function can only be disposed during app startup.');
        registry.functions.delete(name);
      });
    },
    registerHook(hookName: string, callback: HookCallback): Disposable {
      const list = registry.hooks.get(hookName) ?? [];
      list.push(callback);
      registry.hooks.set(hookName, list);
      return new CoreDisposable(() => {
        const cur = registry.hooks.get(hookName) ?? [];
        registry.hooks.set(
          hookName,
          cur.filter((c) => c !== callback),
        );
      });
    },
    log(level: string, category: string, message: string): void {
      log(`[${level}] ${category}: ${message}`);
    },
  };
}

/**
 * Makes `require('@azure/functions-core')` return the dev host's stand-in, as the Functions
 * worker does, so `@azure/functions` registers with us. Must run before the app's first
 * `app.*` call (the library caches a failed lookup for good). Idempotent per process.
 */
export function installCoreApi(registry: FunctionRegistry, log: (line: string) => void): void {
  if (installed !== undefined) {
    if (installed !== registry)
      throw new Error('installCoreApi: a different registry is already installed');
    return;
  }
  installed = registry;
  const coreApi = createCoreApi(registry, log);
  const proto = Module.prototype as unknown as { require: (id: string) => unknown };
  proto.require = new Proxy(proto.require, {
    apply(target, thisArg: unknown, args: [string]): unknown {
      if (args[0] === coreModuleName) return coreApi;
      return Reflect.apply(target, thisArg, args);
    },
  });
}
