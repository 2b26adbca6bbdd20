import type { Deployment } from '../apps/appBehaviourAt.js';

/** Azure's `slotSwapStatus` as App Service reports it on both slots after a swap. */
export interface SlotSwapStatus {
  timestampUtc: string;
  sourceSlotName: string;
  destinationSlotName: string;
}

/** A rule of `experiments.rampUpRules` (only the fields the sandbox routes by are typed). */
export interface RampUpRule {
  actionHostName?: string;
  reroutePercentage?: number;
  name?: string;
  [key: string]: unknown;
}

/**
 * One deployment slot of a site ("production" for the site itself): its configuration, what it
 * runs now and since when, and the history the telemetry generator replays.
 */
export interface SlotModel {
  readonly siteName: string;
  /** "production" or the slot name. */
  readonly name: string;
  readonly resourceGroup: string;
  readonly hostName: string;
  /** Custom domains bound to it (production only; they stay with the site on a swap). */
  customDomains: string[];
  /** Requests per second addressed to this slot's own host name. */
  readonly requestsPerSecond: number;
  /** The `properties` of `config/web`. */
  config: Record<string, unknown>;
  armState: 'Running' | 'Stopped';
  deployment: Deployment | undefined;
  /** What ran from when: appended on every deploy, restart and swap; never rewritten. */
  readonly timeline: Array<{ from: number; deployment: Deployment | undefined; stopped: boolean }>;
  slotSwapStatus: SlotSwapStatus | undefined;
  targetSwapSlot: string | undefined;
  lastModifiedMs: number;
  /** Local URL of the app server for this slot (set once listening). */
  url: string;
}

/** A site: its production slot, other slots and the routing history of production traffic. */
export interface SiteModel {
  readonly name: string;
  readonly resourceGroup: string;
  readonly appInsights: string | undefined;
  readonly production: SlotModel;
  readonly slots: Map<string, SlotModel>;
  /** Ramp-up rules over time, for routing production traffic in telemetry. */
  readonly routing: Array<{ from: number; rules: RampUpRule[] }>;
}
