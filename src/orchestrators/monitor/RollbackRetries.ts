import type { OrchestrationContext, Task } from 'durable-functions';

import type { ActivityInput, ActivityName, ActivityOutput } from '../../activities/contracts.js';
import type { PageRollbackInput } from '../../activities/monitor/contracts.js';
import { firstLine } from '../../domain/release/index.js';
import { callActivity, type RetryNotice } from '../calls/callActivity.js';
import { nowMs } from '../calls/clock.js';
import { type RetryPolicy, rollbackRetry } from '../calls/RetryPolicy.js';

/** How often a rollback pages while it retries. */
export interface RollbackPagePace {
  /** A rollback held up this long (from its first failure) pages for the first time. */
  firstPageAfterMs: number;
  /** Later pages, at most one per this interval while it still retries. */
  pageEveryMs: number;
}

/** A page after 30 s held up, then one every 15 min. */
export const rollbackPagePace: RollbackPagePace = {
  firstPageAfterMs: 30_000,
  pageEveryMs: 15 * 60_000,
};

/** Who and where a page is about, and the command that swaps back by hand. */
export type PageSubject = Omit<PageRollbackInput, 'page' | 'since' | 'failures' | 'error'>;

/**
 * The calls of one rollback (begin, poll, verify the swap back), each through `callActivity`
 * with {@link rollbackRetry}: a safety action must not fail unsafe, so a transient failure is
 * retried for as long as it takes and only a non-retryable one throws `ActivityError`. While
 * it retries it pages the critical channel — once when held up for a while, then at a bounded
 * pace, never once per attempt — and tells `onHeldUp` (for the release view).
 */
export class RollbackRetries {
  private firstFailureMs: number | undefined;
  private lastPageMs: number | undefined;
  private failures = 0;
  private pages = 0;

  constructor(
    private readonly context: OrchestrationContext,
    private readonly subject: PageSubject,
    private readonly onHeldUp: (step: string) => void,
    private readonly policy: RetryPolicy = rollbackRetry,
    private readonly pace: RollbackPagePace = rollbackPagePace,
  ) {}

  /** Calls `name` until it succeeds or fails non-retryably. */
  *call<N extends ActivityName>(
    name: N,
    input: ActivityInput<N>,
  ): Generator<Task, ActivityOutput<N>, unknown> {
    return yield* callActivity(this.context, name, input, this.policy, (notice) =>
      this.heldUp(notice),
    );
  }

  /** Pages sent so far. */
  get pagesSent(): number {
    return this.pages;
  }

  private *heldUp(notice: RetryNotice): Generator<Task, void, unknown> {
    this.failures += 1;
    this.firstFailureMs ??= nowMs(this.context);
    const reason = `${notice.activity}: ${firstLine(notice.message).slice(0, 300)}`;
    this.onHeldUp(
      `rollback held up (${this.failures} failed attempt(s)), retrying in ${Math.round(notice.delayMs / 1000)}s: ${reason}`,
    );
    yield* this.pageIfDue(reason);
  }

  private *pageIfDue(error: string): Generator<Task, void, unknown> {
    const now = nowMs(this.context);
    const since = this.firstFailureMs ?? now;
    const due =
      this.lastPageMs === undefined
        ? now - since >= this.pace.firstPageAfterMs
        : now - this.lastPageMs >= this.pace.pageEveryMs;
    if (!due) return;
    const page = this.pages + 1;
    try {
      yield this.context.df.callActivity('monitorPageRollback', {
        ...this.subject,
        page,
        since: new Date(since).toISOString(),
        failures: this.failures,
        error,
      } satisfies PageRollbackInput);
      this.pages = page;
      this.lastPageMs = now;
    } catch {
      // Slack is down too: the next failed attempt pages again; the rollback goes on.
    }
  }
}
