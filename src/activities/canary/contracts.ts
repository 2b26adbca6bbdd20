/**
 * Inputs and outputs of the canary activities; their names are in the one table of
 * `../contracts.ts`. No secrets in them.
 */
import type { SlotShare } from '../../azure/ports/index.js';
import type { SlotTraffic } from '../../domain/canary/SlotTraffic.js';
import type { ProductionSite } from '../../domain/monitor/contract.js';
import type { SampleHealth } from '../../domain/monitor/ProductionSample.js';
import type { QueryWindow } from '../../domain/monitor/queryWindow.js';

/**
 * Input of `canarySetShare`: route `percent` of production traffic to the slot (its default
 * host name, read by the activity, is the rule's `actionHostName`); 0 removes the rule.
 */
export interface SetShareInput {
  site: ProductionSite;
  slot: string;
  percent: number;
}

/** Output of `canarySetShare` and `canaryReadShares`: the site's routing rules afterwards. */
export interface SharesOutput {
  shares: SlotShare[];
}

/** Input of `canarySample`: probe the slot and (with a window) read slot and production metrics. */
export interface CanarySampleInput {
  site: ProductionSite;
  slot: string;
  window?: QueryWindow;
  healthPath: string;
  timeoutMs: number;
}

/** Output of `canarySample`: never an exception for a failed read (see `queryError`, `health.unknown`). */
export interface CanarySampleOutput {
  health: SampleHealth;
  canary?: SlotTraffic;
  production?: SlotTraffic;
  queryError?: string;
}

/** Input of `canaryReadShares`: the site whose routing rules to read. */
export interface ReadSharesInput {
  site: ProductionSite;
}
