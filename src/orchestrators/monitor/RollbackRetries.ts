import type { OrchestrationContext, Task } from 'durable-functions';

import type {
  MonitorActivityInput,
  MonitorActivityName,
  MonitorActivityOutput,
  PageRollbackInput,
} from '../../activities/monitor/contracts.js';
import { decodeActivityFailure } from '../../domain/release/index.js';
import { MonitorActivityError } from './callMonitorActivity.js';

/** How a rollback waits between attempts and how often it pages while it retries. */
export interface RollbackRetryPace {
  firstDelayMs: number;
  maxDelayMs: number;
  /** The longest `Retry-After` honoured as asked (a longer one is shortened to this). */
  maxAskedMs: number;
  /** A rollback held up this long (from its first failure) pages for the first time. */
  firstPageAfterMs: number;
  /** Later pages, at most one per this interval while it still retries. */
  pageEveryMs: number;
}

/**
 * A rollback's pace: 2 s doubling to 1 min between attempts (never less than the service's
 * `Retry-After`, up to 5 min), a page after 30 s held up, then one every 15 min. History
 * grows by about 4 events a attempt: an hour of outage adds about 300.
 */
export const rollbackRetryPace: RollbackRetryPace = {
  firstDelayMs: 2_000,
  maxDelayMs: 60_000,
  maxAskedMs: 5 * 60_000,
  firstPageAfterMs: 30_000,
  pageEveryMs: 15 * 60_000,
};

/** Who and where a page is about, and the command that swaps back by hand. */
export type PageSubject = Omit<PageRollbackInput, 'page' | 'since' | 'failures' | 'error'>;

/**
 * The calls of one rollback (begin, poll, verify the swap back). A safety action must not
 * fail unsafe: a transient failure (throttling, 5xx, timeouts) is retried with durable timers
 * for as long as it takes, and only a non-retryable one throws {@link MonitorActivityError}.
 * While it retries it pages the critical channel — once when held up for a while, then at a
 * bounded pace, never once per attempt — and tells `onHeldUp` (for the release view).
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
    private readonly pace: RollbackRetryPace = rollbackRetryPace,
  ) {}

  /** Calls `name` until it succeeds or fails non-retryably. */
  *call<N extends MonitorActivityName>(
    name: N,
    input: MonitorActivityInput<N>,
  ): Generator<Task, MonitorActivityOutput<N>, unknown> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return (yield this.context.df.callActivity(name, input)) as MonitorActivityOutput<N>;
      } catch (error) {
        const failure = decodeActivityFailure(error);
        if (failure.kind === 'nonRetryable') {
          throw new MonitorActivityError(name, failure.message, attempt);
        }
        this.failures += 1;
        this.firstFailureMs ??= this.nowMs();
        const delayMs = this.delayMs(attempt, failure.retryAfterMs);
        const reason = `${name}: ${firstLine(failure.message)}`;
        this.onHeldUp(
          `rollback held up (${this.failures} failed attempt(s)), retrying in ${Math.round(delayMs / 1000)}s: ${reason}`,
        );
        yield* this.pageIfDue(reason);
        yield this.context.df.createTimer(new Date(this.nowMs() + delayMs));
      }
    }
  }

  /** Pages sent so far. */
  get pagesSent(): number {
    return this.pages;
  }

  private delayMs(attempt: number, askedMs: number | undefined): number {
    const backoffMs = Math.min(
      this.pace.firstDelayMs * 2 ** Math.min(attempt - 1, 20),
      this.pace.maxDelayMs,
    );
    return Math.max(backoffMs, Math.min(askedMs ?? 0, this.pace.maxAskedMs), 1);
  }

  private *pageIfDue(error: string): Generator<Task, void, unknown> {
    const now = this.nowMs();
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

  private nowMs(): number {
    return this.context.df.currentUtcDateTime.getTime();
  }
}

function firstLine(text: string): string {
  return (text.split('\n')[0] ?? text).slice(0, 300);
}
