import { randomUUID } from 'node:crypto';

import { HttpError } from '../http/HttpError.js';
import type { SiteModel, SlotModel } from '../model/SlotModel.js';
import type { World } from '../model/World.js';

/** How a swap operation ends, decided when it is accepted or when it completes. */
type Outcome = 'ok' | 'hang' | 'fail';

/** One slot swap in progress or finished (a long-running operation). */
export interface SwapOperation {
  id: string;
  site: SiteModel;
  /** The slot named in the URL (its Site JSON is the final result). */
  source: SlotModel;
  target: SlotModel;
  startedAt: number;
  durationMs: number;
  polls: number;
  outcome: Outcome;
  status: 'InProgress' | 'Succeeded' | 'Failed';
  failure?: string;
}

/** A swap left unpolled completes this long after its duration anyway, as Azure would. */
const UNPOLLED_GRACE_MS = 60_000;
/** A hung swap gives up (fails) after this much sandbox time. */
const HANG_LIMIT_MS = 30 * 60_000;

/**
 * Slot swaps as long-running operations: accepted with 202, done once the configured duration
 * has passed on the sandbox clock and the configured number of polls has been answered 202.
 * Completing a swap exchanges what the two slots run and their `linuxFxVersion`, and stamps
 * `slotSwapStatus` on both; `experiments` stays on production.
 */
export class SwapOperations {
  private readonly ops = new Map<string, SwapOperation>();

  constructor(
    private readonly world: World,
    private readonly durationMs: number,
    private readonly minPolls: number,
    private readonly log: (line: string) => void = () => undefined,
  ) {}

  /** Whether a swap runs on `site` now (ARM then refuses config changes and restarts with 409). */
  runningOn(site: SiteModel): boolean {
    this.settle();
    return [...this.ops.values()].some((o) => o.site === site && o.status === 'InProgress');
  }

  /** Starts a swap; 409 when one already runs on the site or a slot is stopped. */
  start(site: SiteModel, source: SlotModel, target: SlotModel, outcome: Outcome): SwapOperation {
    this.settle();
    const running = [...this.ops.values()].find(
      (o) => o.site === site && o.status === 'InProgress',
    );
    if (running !== undefined) {
      throw new HttpError(
        409,
        'Conflict',
        `Cannot swap slots for site '${site.name}' because another swap operation (${running.id}) is in progress.`,
      );
    }
    if (source.armState === 'Stopped' || target.armState === 'Stopped') {
      throw new HttpError(
        409,
        'Conflict',
        `Cannot swap site slots for site '${site.name}' because one of the slots is in stopped state.`,
      );
    }
    const op: SwapOperation = {
      id: randomUUID(),
      site,
      source,
      target,
      startedAt: this.world.clock.now(),
      durationMs: this.durationMs,
      polls: 0,
      outcome,
      status: 'InProgress',
    };
    source.targetSwapSlot = target.name === 'production' ? 'Production' : target.name;
    target.targetSwapSlot = source.name === 'production' ? 'Production' : source.name;
    this.ops.set(op.id, op);
    return op;
  }

  /** Counts a poll of the operation and returns it (settled); undefined when unknown. */
  poll(id: string): SwapOperation | undefined {
    const op = this.ops.get(id);
    if (op === undefined) return undefined;
    op.polls += 1;
    this.settle();
    return op;
  }

  /** Completes every operation whose time has come (called before any state is read). */
  settle(): void {
    const now = this.world.clock.now();
    for (const op of this.ops.values()) {
      if (op.status !== 'InProgress') continue;
      const due = op.startedAt + op.durationMs;
      if (op.outcome === 'hang') {
        if (now >= op.startedAt + HANG_LIMIT_MS) this.finish(op, 'the operation timed out');
        continue;
      }
      if (now < due || (op.polls <= this.minPolls && now < due + UNPOLLED_GRACE_MS)) continue;
      if (op.outcome === 'fail') {
        this.finish(op, 'the swap failed (injected fault)');
        continue;
      }
      const crashed = [op.source, op.target].find((s) => this.world.stateOf(s, due) === 'Crashed');
      if (crashed !== undefined) {
        this.finish(op, `the '${crashed.name}' slot did not respond to http ping. (CODE: 417)`);
        continue;
      }
      this.exchange(op, due);
      op.status = 'Succeeded';
      this.log(`swap ${op.site.name}: ${op.source.name} <-> ${op.target.name} completed`);
    }
  }

  private finish(op: SwapOperation, why: string): void {
    this.log(`swap ${op.site.name}: failed (${why})`);
    op.status = 'Failed';
    op.failure = `Cannot swap site slots for site '${op.site.name}' because ${why}`;
    op.source.targetSwapSlot = undefined;
    op.target.targetSwapSlot = undefined;
  }

  private exchange(op: SwapOperation, at: number): void {
    const { source, target } = op;
    const srcFx = source.config['linuxFxVersion'];
    source.config['linuxFxVersion'] = target.config['linuxFxVersion'];
    target.config['linuxFxVersion'] = srcFx;
    const srcDeployment = source.deployment;
    this.world.setDeployment(source, target.deployment);
    this.world.setDeployment(target, srcDeployment);
    const name = (s: SlotModel): string => (s.name === 'production' ? 'Production' : s.name);
    const status = {
      timestampUtc: new Date(at).toISOString(),
      sourceSlotName: name(source),
      destinationSlotName: name(target),
    };
    source.slotSwapStatus = status;
    target.slotSwapStatus = status;
    source.targetSwapSlot = undefined;
    target.targetSwapSlot = undefined;
  }
}
