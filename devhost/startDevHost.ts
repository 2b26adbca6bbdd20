import type { AddressInfo } from 'node:net';
import path from 'node:path';

import { RealClock } from './clock/index.js';
import { sleepReal } from './clock/sleepReal.js';
import { Engine } from './engine/Engine.js';
import { toInstanceStatus } from './engine/statusPayload.js';
import type { AuthKeys } from './http/AuthKeys.js';
import { clientData } from './http/clientData.js';
import { createHostServer, type HostRoutes } from './http/createHostServer.js';
import { DurableApi } from './http/handleDurableApi.js';
import { HttpTriggerRouter } from './http/handleHttpTrigger.js';
import type { FunctionRegistry } from './load/FunctionRegistry.js';
import { loadApp } from './load/loadApp.js';
import { readAppConfig } from './load/readAppConfig.js';
import { TimerScheduler } from './timers/TimerScheduler.js';
import { advanceVirtual, nextWake, requireVirtual } from './timeSkipping.js';
import type { DevHost, DevHostOptions, InstanceStatus } from './types.js';

/** Default keys when local settings name none (dev-only values, not secrets). */
const defaultMasterKey = 'devhost-master-key';
const defaultFunctionKey = 'devhost-function-key';

/**
 * Per-function keys from the `DEVHOST_FUNCTION_KEYS` setting, a JSON object
 * `{"functionName": "key"}` (names compare case-insensitively, as the host's do).
 */
function readFunctionKeys(json: string | undefined): Map<string, string> {
  const keys = new Map<string, string>();
  if (json === undefined || json.trim() === '') return keys;
  const parsed: unknown = JSON.parse(json);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error('DEVHOST_FUNCTION_KEYS: expected a JSON object {"functionName": "key"}');
  }
  for (const [name, key] of Object.entries(parsed)) {
    if (typeof key !== 'string' || key === '') {
      throw new Error(`DEVHOST_FUNCTION_KEYS.${name}: expected a non-empty string key`);
    }
    keys.set(name.toLowerCase(), key);
  }
  return keys;
}

function realDeadline(ms: number): {
  expired: () => boolean;
  timer: Promise<void>;
  cancel: () => void;
} {
  let handle: NodeJS.Timeout | undefined;
  const end = Date.now() + ms;
  const timer = new Promise<void>((resolve) => {
    handle = setTimeout(resolve, ms);
  });
  return { expired: () => Date.now() >= end, timer, cancel: () => clearTimeout(handle) };
}

/**
 * Puts the app settings into process.env as Core Tools does: a local settings value is skipped
 * (with a log line) when the environment already has a non-empty value; explicit `overrides`
 * always apply.
 */
function applySettings(
  local: Record<string, string>,
  overrides: Record<string, string>,
  log: (line: string) => void,
): void {
  for (const [k, v] of Object.entries(local)) {
    if (k in overrides) continue;
    if (process.env[k] !== undefined && process.env[k] !== '' && process.env[k] !== v) {
      log(
        `Skipping '${k}' from local settings as it's already defined in current environment variables.`,
      );
    } else process.env[k] = v;
  }
  for (const [k, v] of Object.entries(overrides)) process.env[k] = v;
}

/**
 * Starts a dev host for the app in `options.appDir`: listens on 127.0.0.1, loads the app
 * (once per process; a second host for the same folder reuses its registrations), opens the
 * durable store and starts dispatching. Resolves once the host serves requests.
 */
export async function startDevHost(options: DevHostOptions): Promise<DevHost> {
  const log = options.log ?? (() => undefined);
  const clock = options.clock ?? new RealClock();
  const config = readAppConfig(options.appDir, options.settingsFile);
  applySettings(config.values, options.settings ?? {}, log);
  const ownKeys = readFunctionKeys(process.env['DEVHOST_FUNCTION_KEYS']);
  const keys: AuthKeys = {
    strict: options.strictAuth === true,
    master: process.env['DEVHOST_MASTER_KEY'] || defaultMasterKey,
    function: process.env['DEVHOST_FUNCTION_KEY'] || defaultFunctionKey,
    functionKeyOf: (name) =>
      ownKeys.get(name.toLowerCase()) ?? `${defaultFunctionKey}-${name.toLowerCase()}`,
  };
  let resolveRoutes!: (r: HostRoutes) => void;
  let rejectRoutes!: (e: unknown) => void;
  const routes = new Promise<HostRoutes>((res, rej) => {
    resolveRoutes = res;
    rejectRoutes = rej;
  });
  routes.catch(() => undefined);
  const server = createHostServer(routes);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  process.env['WEBSITE_HOSTNAME'] = `127.0.0.1:${port}`;
  const code = (): string | undefined => (keys.strict ? keys.master : undefined);
  const inputsByType = (): Record<string, { string: string }> => {
    const data = {
      string: JSON.stringify(clientData({ origin: url, hubName: config.hubName, code: code() })),
    };
    return { durableclient: data, orchestrationclient: data };
  };
  let engine: Engine | undefined;
  let registry: FunctionRegistry;
  let timers: TimerScheduler;
  try {
    registry = await loadApp(path.resolve(options.appDir), config.main, log);
    const eng = new Engine({
      db: options.db ?? ':memory:',
      clock,
      registry,
      log,
      maxConcurrentActivities: config.maxConcurrentActivities,
      maxConcurrentOrchestrations: config.maxConcurrentOrchestrations,
      inputsByType,
    });
    engine = eng;
    timers = new TimerScheduler({
      registry,
      clock,
      log,
      track: (work) => eng.track(work),
      inputsByType,
    });
    timers.start();
    resolveRoutes({
      registry,
      engine: eng,
      keys,
      triggers: new HttpTriggerRouter(registry, config.routePrefix, keys, inputsByType, log),
      durable: new DurableApi(eng, registry, config.hubName, code, log),
      inputsByType,
      log,
      maxBodyBytes: options.maxRequestBodyBytes ?? 100 * 1024 * 1024,
      control: {
        advance: (ms) => advanceVirtual(eng, requireVirtual(clock, 'advance'), ms),
        settle: () => eng.settle(),
      },
    });
  } catch (err) {
    rejectRoutes(err);
    await new Promise((r) => server.close(r));
    await engine?.stop();
    throw err;
  }
  const running: Engine = engine;
  running.pump();
  let stopped: Promise<void> | undefined;

  const getStatus = (id: string): Promise<InstanceStatus | undefined> => {
    const row = running.getInstance(id);
    return Promise.resolve(row === undefined ? undefined : toInstanceStatus(row));
  };

  const waitFor: DevHost['waitFor'] = async (id, predicate, opts) => {
    const deadline = realDeadline(opts?.realTimeoutMs ?? 10_000);
    const startVirtual = clock.now();
    const maxVirtual = opts?.maxVirtualMs ?? 30 * 24 * 3600 * 1000;
    try {
      for (;;) {
        await running.settle();
        const s = await getStatus(id);
        if (s !== undefined && predicate(s)) return s;
        if (deadline.expired()) {
          throw new Error(
            `waitFor(${id}): predicate not met within the real timeout; last status ${s?.runtimeStatus ?? 'none'}`,
          );
        }
        const next =
          clock.kind === 'virtual'
            ? nextWake(running, requireVirtual(clock, 'waitFor'))
            : undefined;
        if (next !== undefined) {
          if (next - startVirtual > maxVirtual) {
            throw new Error(
              `waitFor(${id}): predicate not met within ${maxVirtual} ms of virtual time; last status ${s?.runtimeStatus ?? 'none'}`,
            );
          }
          await requireVirtual(clock, 'waitFor').advanceTo(next);
          running.pump();
        } else {
          // Also look again shortly: a sleeper may join the shared clock without an engine change.
          const recheck = new AbortController();
          await Promise.race([
            running.nextChange(),
            deadline.timer,
            sleepReal(50, recheck.signal).catch(() => undefined),
          ]);
          recheck.abort();
        }
      }
    } finally {
      deadline.cancel();
    }
  };

  return {
    url,
    clock,
    functionKey: keys.master,
    functionKeyOf: (name) => keys.functionKeyOf(name),
    advance: async (ms) => {
      await advanceVirtual(running, requireVirtual(clock, 'advance'), ms);
    },
    waitFor,
    settle: () => running.settle(),
    history: (id) => {
      const row = running.getInstance(id);
      return Promise.resolve(
        row === undefined ? undefined : running.store.history(id, row.execution_id),
      );
    },
    durableClientData: () =>
      clientData({
        origin: url,
        hubName: config.hubName,
        code: keys.strict ? keys.master : undefined,
      }),
    getStatus,
    stop: () => {
      stopped ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await timers.stop();
        await running.stop();
        for (const hook of registry.hooks.get('appTerminate') ?? []) {
          try {
            await hook({ hookData: {}, appHookData: {} });
          } catch (err) {
            log(`appTerminate hook failed: ${(err as Error).message}`);
          }
        }
      })();
      return stopped;
    },
  };
}
