/**
 * The parts of a durable orchestration status the views read. Matches both the SDK's
 * `DurableOrchestrationStatus` (dates) and the raw list payload of the HTTP API (strings).
 */
export interface DurableStatusLike {
  name?: string;
  instanceId: string;
  runtimeStatus: string;
  createdTime: Date | string;
  lastUpdatedTime: Date | string;
  input?: unknown;
  output?: unknown;
  customStatus?: unknown;
}
