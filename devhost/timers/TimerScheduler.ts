import type { Clock } from '../../shared/clock/index.js';
import type { FunctionRegistry, RegisteredFunction } from '../load/FunctionRegistry.js';
import { invokeFunction, type TypedData } from '../load/invokeFunction.js';
import { nextOccurrence, parseSchedule, type Schedule } from './nextOccurrence.js';

/** What a scheduler needs from the host. */
export interface TimerSchedulerDeps {
  registry: FunctionRegistry;
  clock: Clock;
  log: (line: string) => void;
  /** Runs the invocation as in-flight work (virtual time does not move meanwhile). */
  track<T>(work: () => Promise<T>): Promise<T>;
  inputsByType(): Record<string, TypedData>;
}

/** Resolves `%NAME%` app-setting references in a schedule, as the host does. */
function resolveSetting(expr: string): string {
  return expr.replace(/%([^%]+)%/g, (_, name: string) => {
    const v = process.env[name];
    if (v === undefined)
      throw new Error(`schedule: expected app setting ${name} to be set, got nothing`);
    return v;
  });
}

/**
 * Fires timer-triggered functions on the shared clock (UTC NCRONTAB or `hh:mm:ss` intervals),
 * with the payload the host sends (`Schedule`, `ScheduleStatus`, `IsPastDue`). On a virtual
 * clock an occurrence is a sleeper, so time skipping stops at it like at a durable timer.
 */
export class TimerScheduler {
  private readonly abort = new AbortController();
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly deps: TimerSchedulerDeps) {}

  /** Parses every timer function's schedule (throwing names the function) and starts them. */
  start(): void {
    const plans: { fn: RegisteredFunction; schedule: Schedule }[] = [];
    for (const fn of this.deps.registry.byTrigger('timerTrigger')) {
      try {
        plans.push({
          fn,
          schedule: parseSchedule(
            resolveSetting(
              typeof fn.trigger['schedule'] === 'string' ? fn.trigger['schedule'] : '',
            ),
          ),
        });
      } catch (err) {
        throw new Error(`function "${fn.name}": ${(err as Error).message}`, { cause: err });
      }
    }
    for (const { fn, schedule } of plans) {
      const loop = this.loop(fn, schedule).catch((err: unknown) => {
        if (!this.abort.signal.aborted) this.deps.log(`timer "${fn.name}" stopped: ${String(err)}`);
      });
      this.running.add(loop);
    }
  }

  private async loop(fn: RegisteredFunction, schedule: Schedule): Promise<void> {
    let last: number | undefined;
    if (fn.trigger['runOnStartup'] === true)
      await this.fire(fn, schedule, undefined, this.deps.clock.now());
    for (;;) {
      const next = nextOccurrence(schedule, this.deps.clock.now());
      if (next === undefined) return;
      await this.deps.clock.sleepUntil(next, this.abort.signal);
      await this.fire(fn, schedule, last, next);
      last = next;
    }
  }

  private async fire(
    fn: RegisteredFunction,
    schedule: Schedule,
    last: number | undefined,
    due: number,
  ): Promise<void> {
    const now = this.deps.clock.now();
    const next = nextOccurrence(schedule, now);
    const iso = (ms: number | undefined): string => new Date(ms ?? 0).toISOString();
    const payload = {
      Schedule: { AdjustForDST: true },
      ScheduleStatus: { Last: iso(last), Next: iso(next), LastUpdated: iso(now) },
      IsPastDue: now - due > 1000,
    };
    await this.deps.track(async () => {
      try {
        await invokeFunction(
          this.deps.registry,
          fn,
          { trigger: { json: JSON.stringify(payload) }, inputsByType: this.deps.inputsByType() },
          this.deps.log,
        );
      } catch (err) {
        this.deps.log(`timer function "${fn.name}" failed: ${(err as Error).message}`);
      }
    });
  }

  /** Stops scheduling; resolves once no invocation runs. */
  async stop(): Promise<void> {
    this.abort.abort();
    await Promise.allSettled([...this.running]);
  }
}
