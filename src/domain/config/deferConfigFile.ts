import type { LoadConfigOptions } from './loadConfig.js';
import type { SlotpilotConfig } from './schema.js';

/**
 * The pipeline config file, read and validated on first use instead of at import: yaml and
 * zod are most of what a cold start would otherwise load (issue 14). `load()` reads the file
 * once (idempotent, never rejects); afterwards `current()` returns the config, or throws the
 * file's ConfigError (every problem, each naming its field) at every use, so a bad
 * config answers each invocation the same clear way instead of stopping the app's import.
 */
export interface DeferredConfig {
  /** Reads and validates the file, once; later calls return the same settled promise. */
  load(): Promise<void>;
  /** The validated config; throws its ConfigError, or an Error when `load()` has not finished. */
  current(): SlotpilotConfig;
}

type Outcome = { ok: true; config: SlotpilotConfig } | { ok: false; error: Error };

/**
 * Defers `loadConfigFile(path, options)` to the first `load()`.
 * @example const config = deferConfigFile('/home/site/wwwroot/slotpilot.yaml', { settings });
 * app.hook.preInvocation(() => config.load()); // then config.current() inside handlers
 */
export function deferConfigFile(path: string, options: LoadConfigOptions): DeferredConfig {
  let outcome: Outcome | undefined;
  let loading: Promise<void> | undefined;
  return {
    load() {
      loading ??= import('./loadConfig.js').then(
        ({ loadConfigFile }) => {
          try {
            outcome = { ok: true, config: loadConfigFile(path, options) };
          } catch (error) {
            outcome = { ok: false, error: asError(error) };
          }
        },
        (error: unknown) => {
          outcome = { ok: false, error: asError(error) };
        },
      );
      return loading;
    },
    current() {
      if (outcome === undefined) {
        throw new Error(
          `pipeline config ${path}: read before it was loaded (read it inside an invocation, after load())`,
        );
      }
      if (!outcome.ok) throw outcome.error;
      return outcome.config;
    },
  };
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
