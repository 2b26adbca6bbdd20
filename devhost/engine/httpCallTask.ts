import { EventType } from './history.js';
import { httpActivityName, pollRequest } from './httpActivity.js';
import type { DurableHttpRequestJson } from './OrchestratorAction.js';
import type { ReplayState } from './ReplayState.js';
import { TaskNode } from './TaskNode.js';

/** The extension's `defaultAsyncRequestSleepTimeMilliseconds`: the poll interval without Retry-After. */
export const defaultHttpPollMs = 30_000;

/**
 * The extension's CallHttpAsync: the built-in HTTP activity, then, while it answers 202 with a
 * Location, a timer (Retry-After seconds, else 30 s) and a GET of that Location.
 */
export function httpCallTask(state: ReplayState, first: DurableHttpRequestJson): TaskNode {
  const t = new TaskNode();
  const call = (request: DurableHttpRequestJson): void => {
    const id = state.decide(EventType.TaskScheduled, httpActivityName, {
      Name: httpActivityName,
      Version: '',
      Input: JSON.stringify([request]),
    });
    state.open.set(id, (ev) => {
      const next =
        ev.EventType === EventType.TaskCompleted && first.asynchronousPatternEnabled !== false
          ? pollAfter(String(ev['Result']))
          : undefined;
      if (next === undefined) t.complete();
      else
        state.scheduleTimer(state.now + next.delayMs, () =>
          call(pollRequest(first, next.location)),
        );
    });
  };
  call(first);
  return t;
}

/** For a 202 answer with a Location header: where to poll and after how long; else undefined. */
function pollAfter(resultJson: string): { location: string; delayMs: number } | undefined {
  const res = JSON.parse(resultJson) as {
    statusCode?: number;
    headers?: Record<string, string | string[]>;
  };
  if (res.statusCode !== 202) return undefined;
  const header = (name: string): string | undefined => {
    const key = Object.keys(res.headers ?? {}).find((k) => k.toLowerCase() === name);
    const v = key === undefined ? undefined : res.headers?.[key];
    return Array.isArray(v) ? v[0] : v;
  };
  const location = header('location');
  if (location === undefined) return undefined;
  const retryAfter = header('retry-after');
  return {
    location,
    delayMs: retryAfter === undefined ? defaultHttpPollMs : Number(retryAfter) * 1000,
  };
}
