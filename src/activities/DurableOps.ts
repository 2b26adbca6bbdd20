/** The runtime status and input of an orchestration instance. */
export interface InstanceInfo {
  runtimeStatus: string;
  input: unknown;
  customStatus: unknown;
}

/** An instance as a list of instances shows it. */
export interface ListedInstance extends InstanceInfo {
  instanceId: string;
  /** ISO time the instance was created. */
  createdAt: string;
}

/**
 * The few durable client operations activities need (the production lock, stopping a
 * stage, flushing a stale waiter). Built per invocation from the activity's durable client input.
 */
export interface DurableOps {
  /** The instance's status, or undefined when it does not exist. */
  getInstance(instanceId: string): Promise<InstanceInfo | undefined>;
  /** Starts `name` as `instanceId`; rejects when that id is already running. */
  startNew(name: string, instanceId: string, input: unknown): Promise<void>;
  /** Raises an event; a finished instance ignores it. */
  raiseEvent(instanceId: string, eventName: string, data: unknown): Promise<void>;
  /** Active (Pending or Running) instances of orchestrator `name`, with their inputs. */
  listActive(name: string): Promise<ListedInstance[]>;
  /** Terminates a running instance; a finished one is left as it is. */
  terminate(instanceId: string, reason: string): Promise<void>;
}

/** Runtime statuses of an instance that may still do work. */
export const activeStatuses: ReadonlySet<string> = new Set([
  'Pending',
  'Running',
  'ContinuedAsNew',
  'Suspended',
]);
