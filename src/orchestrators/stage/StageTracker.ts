import type { OrchestrationContext } from 'durable-functions';

import { boundCustomStatus } from '../../domain/release/boundCustomStatus.js';
import type {
  CheckView,
  StageInput,
  StageProgress,
  StageResult,
} from '../../domain/release/index.js';
import { shortenChecks } from '../../domain/release/index.js';
import { nowIso } from '../calls/clock.js';

/**
 * The live progress of a stage sub-orchestration: keeps its checks and step, publishes them
 * as the custom status after each change, and builds the final {@link StageResult}.
 */
export class StageTracker {
  private progress: StageProgress;
  private readonly startedAt: string;

  constructor(
    private readonly context: OrchestrationContext,
    input: StageInput,
  ) {
    this.startedAt = nowIso(context);
    this.progress = {
      stage: input.stage.name,
      step: 'starting',
      updatedAt: this.startedAt,
      checks: [],
    };
    this.publish();
  }

  /** Sets the human-readable step. */
  step(step: string, extra: Partial<Omit<StageProgress, 'stage' | 'checks'>> = {}): void {
    const { waitingForLock: _lock, ...rest } = this.progress;
    this.progress = { ...rest, ...extra, step, updatedAt: nowIso(this.context) };
    this.publish();
  }

  /** Adds or replaces the check named `check.name`. */
  check(check: CheckView): void {
    const known = this.progress.checks.some((c) => c.name === check.name);
    const checks = known
      ? this.progress.checks.map((c) => (c.name === check.name ? check : c))
      : [...this.progress.checks, check];
    this.progress = { ...this.progress, checks, updatedAt: nowIso(this.context) };
    this.publish();
  }

  /** Sets the hook calls whose callback results the stage waits for now (none: `[]`). */
  awaiting(callbackIds: string[]): void {
    const { awaitingCallbacks: _awaiting, ...rest } = this.progress;
    this.progress = {
      ...rest,
      ...(callbackIds.length === 0 ? {} : { awaitingCallbacks: callbackIds }),
      updatedAt: nowIso(this.context),
    };
    this.publish();
  }

  /** The stage's result. */
  result(status: StageResult['status'], reason?: string): StageResult {
    const { previousDigest, swappedAt } = this.progress;
    const result: StageResult = {
      stage: this.progress.stage,
      status,
      ...(reason === undefined ? {} : { reason }),
      checks: this.progress.checks,
      startedAt: this.startedAt,
      finishedAt: nowIso(this.context),
      ...(previousDigest === undefined ? {} : { previousDigest }),
      ...(swappedAt === undefined ? {} : { swappedAt }),
    };
    this.step(reason ?? status.toLowerCase());
    return result;
  }

  private publish(): void {
    this.context.df.setCustomStatus(
      boundCustomStatus({ ...this.progress, checks: shortenChecks(this.progress.checks) }),
    );
  }
}
