import type { OrchestrationContext, Task } from 'durable-functions';

import {
  type MonitorCarry,
  type MonitorDecision,
  monitorEvents,
  type MonitorInput,
} from '../../domain/monitor/contract.js';
import type { BreachRun } from '../../domain/monitor/decideTick.js';
import { boundCustomStatus } from '../../domain/release/boundCustomStatus.js';
import {
  releaseEvents,
  type RollbackRequest,
  type SampleView,
} from '../../domain/release/contract.js';
import { nowIso } from '../calls/clock.js';
import { EventWaits } from '../calls/EventWaits.js';
import type { MonitorStatus } from './MonitorStatus.js';
import { requestedRollback, type RollbackCause } from './rollBack.js';

/** The monitor's verdict so far, as the release view shows it. */
export type WatchVerdict = NonNullable<MonitorStatus['monitor']>['verdict'];

/** What {@link MonitorWatch.publish} adds to the step, besides the monitor part. */
export type StatusExtra = Omit<Partial<MonitorStatus>, 'monitor'> & { nextTickAt?: string };

/**
 * The state of one execution of `monitorRelease`: the window, the breach run and recent
 * samples (carried across continue-as-new), the event waits, and the custom status it
 * publishes. Rollback requests are kept from the start of the execution: one raised while a
 * sample is being taken is seen at the next check, never lost between two waits.
 */
export class MonitorWatch {
  readonly target: Omit<MonitorInput, 'carry'>;
  /** The monitoring window the release view shows. */
  readonly window: { startedAt: string; endsAt: string };
  /**
   * The ticks' span: one ingestion delay past the window's end, so the last sample's query
   * covers the window's last minutes (each query ends one ingestion delay before its tick).
   */
  readonly sampling: { startedAt: string; endsAt: string };
  readonly carry: MonitorCarry;
  /** Rollback requests and pause decisions; each wait is kept until an event reaches it. */
  private readonly events: EventWaits;
  run: BreachRun;
  samples: SampleView[];
  sampleCount: number;
  verdict: WatchVerdict;
  /** Ticks taken in this execution. */
  ticks = 0;
  private requested: { request: RollbackRequest; receivedAt: string } | undefined;

  constructor(
    private readonly context: OrchestrationContext,
    input: MonitorInput,
  ) {
    const { carry, ...target } = input;
    this.target = target;
    const endsAtMs = Date.parse(input.swappedAt) + input.plan.durationMs;
    this.window = { startedAt: input.swappedAt, endsAt: new Date(endsAtMs).toISOString() };
    this.sampling = {
      startedAt: input.swappedAt,
      endsAt: new Date(endsAtMs + input.plan.ingestionDelayMs).toISOString(),
    };
    this.carry = carry ?? {
      generation: 0,
      consecutiveBreaches: 0,
      samples: [],
      sampleCount: 0,
      startedAt: nowIso(context),
    };
    this.run = {
      consecutiveBreaches: this.carry.consecutiveBreaches,
      ...(this.carry.firstBreachAt !== undefined && { firstBreachAt: this.carry.firstBreachAt }),
    };
    this.samples = this.carry.samples;
    this.sampleCount = this.carry.sampleCount;
    this.verdict = this.samples.at(-1)?.verdict ?? 'pending';
    this.events = new EventWaits(context);
  }

  /** Publishes the monitor part of the release view with `step` as custom status. */
  publish(step: string, extra: StatusExtra = {}): void {
    const status: MonitorStatus = {
      step,
      updatedAt: nowIso(this.context),
      monitor: {
        startedAt: this.window.startedAt,
        endsAt: this.window.endsAt,
        ...(extra.nextTickAt !== undefined && { nextTickAt: extra.nextTickAt }),
        samples: this.samples,
        verdict: this.verdict,
      },
      ...(extra.rollback !== undefined && { rollback: extra.rollback }),
      ...(extra.waitingForDecision !== undefined && {
        waitingForDecision: extra.waitingForDecision,
      }),
      ...(extra.status !== undefined && { status: extra.status }),
    };
    this.context.df.setCustomStatus(boundCustomStatus(status));
  }

  /** A fresh wait for a rollback request, to race once. */
  rollbackWait(): Task {
    return this.events.wait(releaseEvents.rollback);
  }

  /** A fresh wait for a pause decision, to race once. */
  decisionWait(): Task {
    return this.events.wait(monitorEvents.decision);
  }

  /** The pause decisions that arrived since the last call, in arrival order. */
  takeDecisions(): MonitorDecision[] {
    return this.events.take(monitorEvents.decision) as MonitorDecision[];
  }

  /** Whether a rollback was requested (the first request that arrived is kept). */
  hasRollbackRequest(): boolean {
    const [payload] = this.events.take(releaseEvents.rollback);
    if (this.requested === undefined && payload !== undefined) {
      this.requested = { request: payload as RollbackRequest, receivedAt: nowIso(this.context) };
    }
    return this.requested !== undefined;
  }

  /** The cause of the requested rollback, if one was requested. */
  requestedCause(): RollbackCause | undefined {
    if (!this.hasRollbackRequest() || this.requested === undefined) return undefined;
    return requestedRollback(this.requested.request, this.requested.receivedAt);
  }

  /** The input of the next execution (continue-as-new), with this one's state carried. */
  carriedInput(): MonitorInput {
    return {
      ...this.target,
      carry: {
        generation: this.carry.generation + 1,
        consecutiveBreaches: this.run.consecutiveBreaches,
        ...(this.run.firstBreachAt !== undefined && { firstBreachAt: this.run.firstBreachAt }),
        samples: this.samples,
        sampleCount: this.sampleCount,
        startedAt: this.carry.startedAt,
      },
    };
  }
}
