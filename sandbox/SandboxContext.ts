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
