import { deliveryOrder } from './deliveryOrder.js';
import { EventType, type HistoryEvent } from './history.js';
import { invokeAction, UnsupportedAction } from './invokeAction.js';
import type { OrchestratorAction } from './OrchestratorAction.js';
import { ReplayState } from './ReplayState.js';

/** What an episode's walk over history and the returned actions concludes. */
export interface ReplayResult {
  /** Scheduling events not yet in history, ascending ids: the episode's new decisions. */
  decisions: HistoryEvent[];
  /** Every top-level action ran to completion (the shim returned). */
  shimDone: boolean;
  /** DTFx open tasks remaining (uncancelled timers, outstanding calls). */
  openTasks: number;
  /** The id the completion event takes. */
  nextId: number;
  /** Set when a ContinueAsNew action was invoked: its input JSON text. */
  continueAsNewInput?: string | undefined;
  /** Set when history and actions disagree: the reason. */
  nonDeterminism?: string | undefined;
  /** Set when the orchestrator used an action the dev host does not support. */
  unsupported?: string | undefined;
}

const kindText: Record<number, string> = {
  [EventType.TaskScheduled]: 'an activity task',
  [EventType.TimerCreated]: 'a durable timer',
  [EventType.SubOrchestrationInstanceCreated]: 'a sub-orchestration',
  [EventType.EventSent]: 'an event',
};

/**
 * Replays the SDK's action list against the history with .NET task semantics, as the
 * extension's out-of-process shim does on top of DTFx (reference §2.5): top-level actions are
 * awaited one after another, compound actions complete like Task.WhenAll / Task.WhenAny,
 * retries and long timers allocate ids as their completions arrive. Pure: no I/O.
 */
export function replayActions(
  history: readonly HistoryEvent[],
  actions: readonly OrchestratorAction[],
  executionId: string,
  instanceId = '',
): ReplayResult {
  const state = new ReplayState(executionId, instanceId);
  let cursor = 0;
  let shimDone = false;
  const stopped = (reason: Pick<ReplayResult, 'nonDeterminism' | 'unsupported'>) => ({
    decisions: [],
    shimDone,
    openTasks: state.open.size,
    nextId: state.idCounter,
    ...reason,
  });

  const advance = (): void => {
    while (cursor < actions.length) {
      const t = invokeAction(state, actions[cursor++] as OrchestratorAction);
      if (!t.done) {
        t.then(advance);
        return;
      }
    }
    shimDone = true;
  };

  try {
    let started = false;
    for (const ev of deliveryOrder(history)) {
      switch (ev.EventType) {
        case EventType.OrchestratorStarted:
          state.now = Math.max(state.now, Date.parse(ev.Timestamp));
          break;
        case EventType.ExecutionStarted:
          if (!started) {
            started = true;
            advance();
          }
          break;
        case EventType.TaskScheduled:
        case EventType.TimerCreated:
        case EventType.SubOrchestrationInstanceCreated:
        case EventType.EventSent: {
          const p = state.pending.get(ev.EventId);
          const name = typeof ev['Name'] === 'string' ? ev['Name'] : '';
          if (
            p === undefined ||
            p.type !== ev.EventType ||
            p.name.toLowerCase() !== name.toLowerCase()
          ) {
            const kind = kindText[ev.EventType] ?? 'a task';
            return stopped({
              nonDeterminism: `A previous execution of this orchestration scheduled ${kind} with sequence ID ${ev.EventId}${name === '' ? '' : ` and name '${name}'`}, but the current replay did not schedule it at that point. Was the orchestrator code changed while this instance was running?`,
            });
          }
          state.pending.delete(ev.EventId);
          break;
        }
        case EventType.TaskCompleted:
        case EventType.TaskFailed:
        case EventType.SubOrchestrationInstanceCompleted:
        case EventType.SubOrchestrationInstanceFailed:
        case EventType.TimerFired: {
          const id = Number(
            ev.EventType === EventType.TimerFired ? ev['TimerId'] : ev['TaskScheduledId'],
          );
          const handler = state.open.get(id);
          if (handler !== undefined) {
            state.open.delete(id);
            handler(ev);
          }
          break;
        }
        case EventType.EventRaised: {
          const name = (typeof ev['Name'] === 'string' ? ev['Name'] : '').toLowerCase();
          const idx = state.waiters.findIndex((w) => w.name === name);
          if (idx >= 0) state.waiters.splice(idx, 1)[0]?.task.complete();
          else state.buffered.push(name);
          break;
        }
        default:
          break;
      }
    }
  } catch (err) {
    if (!(err instanceof UnsupportedAction)) throw err;
    return stopped({ unsupported: err.message });
  }
  const decisions = [...state.pending.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, p]) => p.event);
  return {
    decisions,
    shimDone,
    openTasks: state.open.size,
    nextId: state.idCounter,
    continueAsNewInput: state.continueAsNewInput,
  };
}
