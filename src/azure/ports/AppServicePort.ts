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
  | {
      status: 'running';
      /**
       * The handle to poll with next time, when the service moved the operation's poll URL
       * (Azure signs a new `Location` on every 202). Absent when unchanged; the previous
       * handle keeps working as long as the service accepts its URL.
       */
      handle?: SwapHandle;
    }
  | { status: 'succeeded' }
  | { status: 'failed'; detail: string };

/**
 * App Service as Slotpilot needs it (ARM `Microsoft.Web/sites`), over @azure/arm-appservice.
 * Every method throws RetryAfterError on 429/503 (with the server's Retry-After delay), on other
 * 5xx and when ARM cannot be reached; and a NonRetryableError (`AzureRequestError` from
 * `src/azure`, carrying `statusCode` and ARM `code`) on 400/401/403/404/409 (a 409 "operation
 * in progress" is a RetryAfterError: another operation runs on the site). A 409 from
 * `beginSwap` means a swap already runs on the site or one of the slots is stopped.
 */
export interface AppServicePort {
  /** Reads what a site or slot runs. Read-only. Throws NonRetryableError on 404. */
  getSlot(ref: SiteRef): Promise<SlotState>;
  /** Lists production and every slot of a site (a site without slots lists only `production`). Read-only. */
  listSlots(ref: Omit<SiteRef, 'slot'>): Promise<SlotState[]>;
  /**
   * Points the site or slot at `image` (`registry/repo@sha256:…`) behind a restart fence:
   * stop it, set `linuxFxVersion` in `config/web` while it is stopped, start it. After this
   * returns, no container of the previous image can answer: any answer comes from one started
   * with `image` (without the fence, App Service keeps the old container serving while it
   * pulls the new image). The site or slot is down from the stop until the new container is up.
   * Idempotent and resumable: when `config/web` already names the image and the site runs,
   * nothing is called and `changed` is false; when it names it and the site is stopped (an
   * earlier attempt stopped between steps), only the start is sent. A deploy always leaves the
   * target started, also one that was stopped before. Throws ValidationError for an image that
   * is not `registry/repo@sha256:<64 hex>` or `registry/repo:tag`.
   */
  deployImage(ref: SiteRef, image: string): Promise<{ changed: boolean }>;
  /**
   * Starts swapping `slot` of `site` with production (a long-running ARM operation) and
   * returns at once with a handle to poll. Not idempotent by itself: callers first check
   * which digest each slot runs.
   */
  beginSwap(site: Omit<SiteRef, 'slot'>, slot: string): Promise<SwapHandle>;
  /**
   * Polls a swap once (no waiting). Idempotent: polling a finished swap again answers the same.
   * A swap ARM reports as failed (or refuses with 409/400 while polling) is
   * `{status:'failed', detail}`, not an exception; throttling is RetryAfterError; a handle that
   * is not what `beginSwap` returned is a ValidationError.
   */
  pollSwap(handle: SwapHandle): Promise<SwapProgress>;
}
