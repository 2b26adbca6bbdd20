import type { OrchestratorAction } from './OrchestratorAction.js';
import type { ReplayState } from './ReplayState.js';
import { TaskNode } from './TaskNode.js';

const dayMs = 24 * 3600 * 1000;
/** Azure Storage provider limits the extension applies to timers (reference §2.6). */
export const maximumShortTimerMs = 6 * dayMs;
export const longTimerIntervalMs = 3 * dayMs;

/**
 * A CreateTimer action: one durable timer, or for a timer past {@link maximumShortTimerMs} a
 * chain of timers of at most {@link longTimerIntervalMs}. A cancelled timer counts as completed.
 */
export function timerTask(state: ReplayState, a: OrchestratorAction): TaskNode {
  const t = new TaskNode();
  const fireAtMs = new Date(a.fireAt ?? 0).getTime();
  if (fireAtMs - state.now > maximumShortTimerMs && a.isCanceled === true) {
    // A cancelled long timer: its first interval is created and cancelled, nothing follows.
    state.scheduleTimer(state.now + longTimerIntervalMs, () => undefined, true);
  } else if (fireAtMs - state.now > maximumShortTimerMs) {
    const arm = (): void => {
      const remaining = fireAtMs - state.now;
      if (remaining <= 0) t.complete();
      else
        state.scheduleTimer(
          remaining < longTimerIntervalMs ? state.now + remaining : state.now + longTimerIntervalMs,
          arm,
        );
    };
    arm();
  } else {
    state.scheduleTimer(fireAtMs, () => t.complete(), a.isCanceled === true);
  }
  // A cancelled timer is no longer an open task: it counts as completed.
  if (a.isCanceled === true) t.complete();
  return t;
}
