import type { Clock } from '../../shared/clock/index.js';
import type { FunctionRegistry } from '../load/FunctionRegistry.js';
import type { TypedData } from '../load/invokeFunction.js';
import type { Store } from './Store.js';

/** What the episode and activity runners share with the engine. */
export interface EngineDeps {
  store: Store;
  registry: FunctionRegistry;
  clock: Clock;
  log: (line: string) => void;
  /** Data for non-trigger input bindings by lower-case type (the durableClient binding data). */
  inputsByType(): Record<string, TypedData>;
  /** Wakes the dispatcher after new messages or work items were committed. */
  wake(instanceId?: string): void;
  /** Tells listeners an instance's status row changed. */
  changed(instanceId: string): void;
}
