import type { Clock } from '../shared/clock/index.js';
import type { SwapOperations } from './arm/SwapOperations.js';
import type { FaultInjector } from './faults/FaultInjector.js';
import type { World } from './model/World.js';

/** An ARM or registry (`/acr/`, `/oauth2/`) call as the sandbox saw it (audit, e.g. to count swaps). */
export interface ArmAuditEntry {
  method: string;
  path: string;
  at: number;
  status: number;
  /** The operation name faults use (`getSlot`, `updateConfiguration`, `swap`, …). */
  operation?: string;
  site?: string;
  /** `production` or the slot's name. */
  slot?: string;
  /**
   * The digest the call concerns: the image a config update deployed, the one a swap moved
   * into production, else the one the slot ran. With the pipeline it names the release
   * (`releaseIdFor(pipeline, digest)`).
   */
  digest?: string;
  /** `x-ms-client-request-id` the SDK sent (a fresh one per request). */
  clientRequestId?: string;
  /** `x-ms-correlation-request-id` the client sent, else the one the sandbox answered. */
  correlationId?: string;
  /** The kind of the injected fault that answered the call, if one did. */
  fault?: string;
}

/** Shared state every sandbox request handler reads. */
export interface SandboxContext {
  readonly clock: Clock;
  readonly world: World;
  readonly swaps: SwapOperations;
  readonly faults: FaultInjector;
  readonly armAudit: ArmAuditEntry[];
  readonly log: (line: string) => void;
}
