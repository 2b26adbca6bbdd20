import type { Engine } from '../engine/Engine.js';
import type { FunctionRegistry } from '../load/FunctionRegistry.js';
import type { RuntimeStatus } from '../types.js';

/** What the Durable HTTP management API's handlers work with. */
export interface DurableApiContext {
  readonly engine: Engine;
  readonly registry: FunctionRegistry;
  readonly hubName: string;
  /** The function key management URLs carry, when keys are enforced. */
  readonly code: () => string | undefined;
  readonly log: (line: string) => void;
}

/** Statuses of an instance that has ended. */
export const terminalStatuses: ReadonlySet<RuntimeStatus> = new Set<RuntimeStatus>([
  'Completed',
  'Failed',
  'Terminated',
  'Canceled',
]);
