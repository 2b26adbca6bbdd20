import type { SiteRef, SlotState } from './SiteRef.js';

/** The serialisable state of a swap in progress, to poll it from a later activity. */
export interface SwapHandle {
  /** Opaque poller state (the SDK poller's `serialize()` output). */
  pollerState: string;
  /** The production site the swap runs on. */
  site: SiteRef;
  /** The slot being swapped with production. */
  slot: string;
}

/** Where a swap stands. */
export type SwapProgress =
  { status: 'running' } | { status: 'succeeded' } | { status: 'failed'; detail: string };

/**
 * App Service as Slotpilot needs it (ARM `Microsoft.Web/sites`), over @azure/arm-appservice.
 * Throws RetryAfterError on 429/503 with the server's delay, NonRetryableError on 4xx.
 */
export interface AppServicePort {
  /** Reads what a site or slot runs. Read-only. Throws NonRetryableError on 404. */
  getSlot(ref: SiteRef): Promise<SlotState>;
  /** Lists production and every slot of a site (a site without slots lists only `production`). Read-only. */
  listSlots(ref: Omit<SiteRef, 'slot'>): Promise<SlotState[]>;
  /**
   * Points the site or slot at `image` (`registry/repo@sha256:…`) via `linuxFxVersion` and
   * restarts it. Idempotent: when it already runs that image nothing is changed and
   * `changed` is false.
   */
  deployImage(ref: SiteRef, image: string): Promise<{ changed: boolean }>;
  /**
   * Starts swapping `slot` of `site` with production (a long-running ARM operation) and
   * returns at once with a handle to poll. Not idempotent by itself: callers first check
   * which digest each slot runs.
   */
  beginSwap(site: Omit<SiteRef, 'slot'>, slot: string): Promise<SwapHandle>;
  /** Polls a swap once (no waiting). Idempotent. */
  pollSwap(handle: SwapHandle): Promise<SwapProgress>;
}
