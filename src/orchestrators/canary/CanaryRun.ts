import type { OrchestrationContext, Task } from 'durable-functions';

import type {
  CanaryCustomStatus,
  CanaryInput,
  CanaryStepView,
  CanaryView,
  PromoteRequest,
} from '../../domain/canary/index.js';
import { boundCustomStatus } from '../../domain/release/boundCustomStatus.js';
import type { RollbackProgress } from '../../domain/release/index.js';
import { nowIso } from '../calls/clock.js';
import { CanaryEvents } from './CanaryEvents.js';

const source =
  'App Service platform metrics of the slot resource (Requests, Http5xx, average HttpResponseTime held against the p95 threshold) and the slot health probe';

/**
 * The state of one `canaryRelease`: its steps and their samples, the promotes accepted, the
 * abort's progress, the event waits, and the custom status it publishes.
 */
export class CanaryRun {
  readonly input: CanaryInput;
  readonly steps: CanaryStepView[];
  readonly view: CanaryView;
  readonly events: CanaryEvents;
  private readonly promotions: CanaryCustomStatus['promotions'] = {};
  rollback: RollbackProgress | undefined;
  status: CanaryCustomStatus['status'];

  constructor(private readonly context: OrchestrationContext) {
    this.input = context.df.getInput<CanaryInput>();
    this.steps = this.input.canary.stepsPercent.map((percent) => ({
      percent,
      status: 'pending',
      samples: [],
    }));
    this.view = { step: 0, percent: 0, state: 'routing', steps: this.steps, source };
    this.events = new CanaryEvents(context);
  }

  /** Publishes the canary part of the release view with `step` as custom status. */
  publish(step: string): void {
    const custom: CanaryCustomStatus = {
      step,
      updatedAt: nowIso(this.context),
      canary: this.view,
      promotions: this.promotions,
      ...(this.rollback !== undefined && { rollback: this.rollback }),
      ...(this.status !== undefined && { status: this.status }),
    };
    this.context.df.setCustomStatus(boundCustomStatus(custom));
  }

  /** Records the promote that ended step `step` (shown in the release view). */
  accept(step: number, promote: PromoteRequest): void {
    this.promotions[String(step)] = {
      requestId: promote.requestId,
      by: promote.by,
      at: promote.at,
    };
  }

  /** Races the events against a timer at `atMs`; true when the timer fired. */
  *wait(atMs: number): Generator<Task, boolean, unknown> {
    const timer = this.context.df.createTimer(new Date(atMs));
    const winner = yield this.context.df.Task.any([...this.events.waits(), timer]);
    if (winner === timer) return true;
    timer.cancel();
    return false;
  }
}
