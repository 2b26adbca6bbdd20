import { randomUUID } from 'node:crypto';

import { invokeFunction } from '../load/invokeFunction.js';
import { executionCompleted, notifyParent, OrchestrationStatus } from './completionEvents.js';
import { createInstance, InstanceConflictError } from './createInstance.js';
import type { EngineDeps } from './EngineDeps.js';
import { EventType, type HistoryEvent, makeEvent } from './history.js';
import type { OrchestratorState } from './OrchestratorAction.js';
import { orchestratorPayload } from './orchestratorPayload.js';
import { replayActions } from './replayActions.js';
import type { InstanceRow, MessageRow } from './Store.js';

const terminal = new Set(['Completed', 'Failed', 'Terminated', 'Canceled']);
const controlTypes = new Set<number>([
  EventType.ExecutionTerminated,
  EventType.ExecutionSuspended,
  EventType.ExecutionResumed,
]);
/** The extension's custom status limit: 16 KB of UTF-16 JSON. */
const maxCustomStatusBytes = 16 * 1024;

type Outcome =
  | { kind: 'running' }
  | { kind: 'completed'; result: string | null }
  | { kind: 'continuedAsNew'; input: string }
  | { kind: 'failed'; message: string; details: string };

const outOfProcMarker = '$OutOfProcData$:';

/** Invokes the orchestrator; resolves to its state, or to an error message when it has none. */
async function runOrchestrator(
  deps: EngineDeps,
  inst: InstanceRow,
  history: HistoryEvent[],
): Promise<{ state: OrchestratorState } | { error: string; details: string }> {
  const fn = deps.registry.find(inst.name);
  if (fn?.trigger.type.toLowerCase() !== 'orchestrationtrigger') {
    return { error: `The orchestrator function '${inst.name}' is not registered.`, details: '' };
  }
  const payload = orchestratorPayload(inst.id, inst.parent_id, history);
  try {
    const rv = await invokeFunction(
      deps.registry,
      fn,
      { trigger: { string: JSON.stringify(payload) } },
      deps.log,
    );
    const json = (rv as { json?: string } | undefined)?.json;
    if (json === undefined) return { error: 'The orchestrator returned no state.', details: '' };
    return { state: JSON.parse(json) as OrchestratorState };
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    const at = msg.indexOf(outOfProcMarker);
    if (at >= 0) {
      try {
        return { state: JSON.parse(msg.slice(at + outOfProcMarker.length)) as OrchestratorState };
      } catch {
        // fall through: report the raw message
      }
    }
    return { error: msg, details: (err as Error).stack ?? '' };
  }
}

function decideOutcome(
  name: string,
  result: { state: OrchestratorState } | { error: string; details: string },
  replay: ReturnType<typeof replayActions> | undefined,
): Outcome {
  if ('error' in result)
    return {
      kind: 'failed',
      message: `Orchestrator function '${name}' failed: ${result.error}`,
      details: result.details,
    };
  if (replay?.nonDeterminism !== undefined) {
    return {
      kind: 'failed',
      message: `Non-Deterministic workflow detected: ${replay.nonDeterminism}`,
      details: '',
    };
  }
  if (replay?.unsupported !== undefined)
    return {
      kind: 'failed',
      message: `Orchestrator function '${name}' failed: ${replay.unsupported}`,
      details: '',
    };
  const { state } = result;
  if (state.customStatus) {
    const bytes = JSON.stringify(state.customStatus).length * 2;
    if (bytes > maxCustomStatusBytes) {
      return {
        kind: 'failed',
        message: `Orchestrator function '${name}' failed: customStatus: expected at most ${maxCustomStatusBytes} bytes of UTF-16 JSON, got ${bytes}`,
        details: '',
      };
    }
  }
  if (
    replay === undefined ||
    !(state.isDone || state.error !== undefined) ||
    !replay.shimDone ||
    replay.openTasks > 0
  ) {
    return { kind: 'running' };
  }
  if (state.error !== undefined) {
    return {
      kind: 'failed',
      message: `Orchestrator function '${name}' failed: ${state.error}`,
      details: `Message: ${state.error}`,
    };
  }
  if (replay.continueAsNewInput !== undefined)
    return { kind: 'continuedAsNew', input: replay.continueAsNewInput };
  return {
    kind: 'completed',
    result: state.output === undefined ? null : JSON.stringify(state.output),
  };
}

/** Dispatches the new decisions: activity work items, timer messages, child instances. */
function dispatch(
  deps: EngineDeps,
  inst: InstanceRow,
  decisions: HistoryEvent[],
  nowMs: number,
): void {
  for (const d of decisions) {
    if (d.EventType === EventType.TaskScheduled) {
      deps.store.addWorkItem({
        instance_id: inst.id,
        execution_id: inst.execution_id,
        task_id: d.EventId,
        name: String(d['Name']),
        input: String(d['Input']),
      });
    } else if (d.EventType === EventType.TimerCreated) {
      const fireAt = String(d['FireAt']);
      deps.store.enqueue(
        inst.id,
        inst.execution_id,
        Date.parse(fireAt),
        makeEvent(EventType.TimerFired, Date.parse(fireAt), { TimerId: d.EventId, FireAt: fireAt }),
      );
    } else if (d.EventType === EventType.SubOrchestrationInstanceCreated) {
      const childId = String(d['InstanceId']);
      try {
        createInstance(deps.store, {
          instanceId: childId,
          name: String(d['Name']),
          input: (d['Input'] as string | null) ?? null,
          parent: {
            instanceId: inst.id,
            executionId: inst.execution_id,
            taskId: d.EventId,
            name: inst.name,
          },
          nowMs,
        });
        deps.wake(childId);
      } catch (err) {
        if (!(err instanceof InstanceConflictError)) throw err;
        deps.store.enqueue(
          inst.id,
          inst.execution_id,
          nowMs,
          makeEvent(EventType.SubOrchestrationInstanceFailed, nowMs, {
            TaskScheduledId: d.EventId,
            Reason: `devhost: cannot start sub-orchestration: ${err.message}`,
            Details: null,
            FailureDetails: null,
          }),
        );
      }
    }
  }
}

function unknownFunctions(deps: EngineDeps, decisions: HistoryEvent[]): string | undefined {
  for (const d of decisions) {
    const want =
      d.EventType === EventType.TaskScheduled
        ? 'activitytrigger'
        : d.EventType === EventType.SubOrchestrationInstanceCreated
          ? 'orchestrationtrigger'
          : undefined;
    if (want === undefined) continue;
    const fn = deps.registry.find(String(d['Name']));
    if (fn?.trigger.type.toLowerCase() !== want) {
      const kind = want === 'activitytrigger' ? 'activity' : 'orchestrator';
      return `The function '${String(d['Name'])}' is not registered as an ${kind} function.`;
    }
  }
  return undefined;
}

/** Commits an ended execution: final event, status, output, parent notification. */
function finish(
  deps: EngineDeps,
  inst: InstanceRow,
  events: HistoryEvent[],
  outcome: Outcome,
  nextId: number,
  nowMs: number,
): void {
  const { store } = deps;
  if (outcome.kind === 'completed') {
    events.push(executionCompleted(nowMs, nextId, OrchestrationStatus.Completed, outcome.result));
    store.updateInstance(inst.id, {
      status: 'Completed',
      output: outcome.result,
      updated_ms: nowMs,
    });
    notifyParent(store, inst, nowMs, { ok: true, result: outcome.result });
  } else if (outcome.kind === 'failed') {
    const output = JSON.stringify(outcome.message);
    events.push(executionCompleted(nowMs, nextId, OrchestrationStatus.Failed, output));
    store.updateInstance(inst.id, { status: 'Failed', output, updated_ms: nowMs });
    notifyParent(store, inst, nowMs, {
      ok: false,
      reason: outcome.message,
      details: outcome.details,
    });
  } else if (outcome.kind === 'continuedAsNew') {
    events.push(
      makeEvent(
        EventType.ContinueAsNew,
        nowMs,
        { OrchestrationStatus: OrchestrationStatus.ContinuedAsNew, Result: outcome.input },
        nextId,
      ),
    );
  }
}

/** Starts the next execution after ContinueAsNew: new execution id, same parent, old messages fenced out. */
function continueAsNew(deps: EngineDeps, inst: InstanceRow, input: string, nowMs: number): void {
  const executionId = randomUUID().replace(/-/g, '');
  deps.store.updateInstance(inst.id, {
    execution_id: executionId,
    status: 'ContinuedAsNew',
    input,
    output: null,
    updated_ms: nowMs,
  });
  deps.store.enqueue(
    inst.id,
    executionId,
    nowMs,
    makeEvent(EventType.ExecutionStarted, nowMs, {
      OrchestrationInstance: { InstanceId: inst.id, ExecutionId: executionId },
      ParentInstance:
        inst.parent_id === null
          ? null
          : {
              Name: null,
              Version: '',
              OrchestrationInstance: {
                InstanceId: inst.parent_id,
                ExecutionId: inst.parent_execution_id,
              },
              TaskScheduleId: inst.parent_task_id,
            },
      Name: inst.name,
      Version: inst.version,
      Input: input,
      Tags: null,
      Correlation: null,
      ScheduledStartTime: null,
      Generation: 0,
    }),
  );
}

/** Handles a control message alone (terminate, suspend, resume), without running the orchestrator. */
function control(
  deps: EngineDeps,
  inst: InstanceRow,
  msg: MessageRow,
  ev: HistoryEvent,
  nowMs: number,
): void {
  const { store } = deps;
  const events: HistoryEvent[] = [
    makeEvent(EventType.OrchestratorStarted, nowMs),
    { ...ev, Timestamp: new Date(nowMs).toISOString() },
  ];
  store.deleteMessages([msg.id]);
  if (ev.EventType === EventType.ExecutionTerminated) {
    const reason = (ev['Input'] as string | null) ?? '';
    let output: string;
    try {
      JSON.parse(reason);
      output = reason;
    } catch {
      output = JSON.stringify(reason);
    }
    events.push(executionCompleted(nowMs, -1, OrchestrationStatus.Terminated, reason));
    store.updateInstance(inst.id, { status: 'Terminated', output, updated_ms: nowMs });
    deps.log(`instance ${inst.id} terminated`);
    notifyParent(store, inst, nowMs, {
      ok: false,
      reason: `Orchestration '${inst.id}' was terminated: ${reason}`,
      details: '',
    });
  } else if (ev.EventType === EventType.ExecutionSuspended) {
    store.updateInstance(inst.id, { status: 'Suspended', updated_ms: nowMs });
  } else {
    store.updateInstance(inst.id, {
      status: inst.status === 'Suspended' ? 'Running' : inst.status,
      updated_ms: nowMs,
    });
  }
  events.push(makeEvent(EventType.OrchestratorCompleted, nowMs));
  store.appendHistory(inst.id, inst.execution_id, events);
}

/**
 * Runs one episode for the instance (reference §2.5): takes its due messages, replays the
 * orchestrator over history plus the new events, and commits the new events, decisions and
 * status in one transaction. Returns false when nothing could be consumed (e.g. suspended).
 * The caller guarantees one episode per instance at a time.
 */
export async function runEpisode(deps: EngineDeps, instanceId: string): Promise<boolean> {
  const { store, clock } = deps;
  const nowMs = clock.now();
  const inst = store.getInstance(instanceId);
  const due = store.dueMessages(instanceId, nowMs);
  if (inst === undefined) {
    store.deleteMessages(due.map((m) => m.id));
    return due.length > 0;
  }
  const stale = due.filter((m) => m.execution_id !== null && m.execution_id !== inst.execution_id);
  const live = due.filter((m) => !stale.includes(m));
  if (terminal.has(inst.status) || stale.length > 0) {
    store.deleteMessages((terminal.has(inst.status) ? due : stale).map((m) => m.id));
    if (terminal.has(inst.status)) return due.length > 0;
  }
  if (live.length === 0) return stale.length > 0;
  const parsed = live.map((m) => ({ m, ev: JSON.parse(m.event) as HistoryEvent }));
  let batch = parsed;
  if (inst.status === 'Suspended') {
    const term = parsed.find((p) => p.ev.EventType === EventType.ExecutionTerminated);
    if (term !== undefined) {
      store.transaction(() => control(deps, inst, term.m, term.ev, nowMs));
      deps.changed(instanceId);
      return true;
    }
    const resumeAt = parsed.findIndex((p) => p.ev.EventType === EventType.ExecutionResumed);
    if (resumeAt < 0) return false;
    const resume = parsed[resumeAt] as (typeof parsed)[number];
    batch = [
      resume,
      ...parsed.filter((p, i) => i !== resumeAt && !controlTypes.has(p.ev.EventType)),
    ];
    inst.status = 'Running';
  } else {
    const first = parsed[0] as (typeof parsed)[number];
    if (controlTypes.has(first.ev.EventType)) {
      store.transaction(() => control(deps, inst, first.m, first.ev, nowMs));
      deps.changed(instanceId);
      return true;
    }
    const cut = parsed.findIndex((p) => controlTypes.has(p.ev.EventType));
    if (cut >= 0) batch = parsed.slice(0, cut);
  }
  const newEvents: HistoryEvent[] = [
    makeEvent(EventType.OrchestratorStarted, nowMs),
    ...batch.map((p) => ({ ...p.ev, IsPlayed: false })),
  ];
  const history = [...store.history(instanceId, inst.execution_id), ...newEvents];
  const result = await runOrchestrator(deps, inst, history);
  const state = 'state' in result ? result.state : undefined;
  const replay =
    state === undefined
      ? undefined
      : replayActions(history, state.actions[0] ?? [], inst.execution_id);
  let outcome = decideOutcome(inst.name, result, replay);
  const decisions = replay?.nonDeterminism === undefined ? (replay?.decisions ?? []) : [];
  const unknown = unknownFunctions(deps, decisions);
  if (unknown !== undefined)
    outcome = {
      kind: 'failed',
      message: `Orchestrator function '${inst.name}' failed: ${unknown}`,
      details: '',
    };
  // Failures the host detects itself (not the orchestrator's own error) apply no decisions.
  const applyDecisions =
    outcome.kind !== 'failed' || (state?.error !== undefined && unknown === undefined);
  const commitMs = Math.max(nowMs, clock.now());
  store.transaction(() => {
    const current = store.getInstance(instanceId);
    if (current?.execution_id !== inst.execution_id) return;
    store.deleteMessages(batch.map((p) => p.m.id));
    const events = [...newEvents];
    if (applyDecisions) {
      // DTFx stamps scheduling events when the episode creates them, not at the replayed time.
      events.push(...decisions.map((d) => ({ ...d, Timestamp: new Date(nowMs).toISOString() })));
      dispatch(deps, inst, decisions, nowMs);
    }
    finish(deps, inst, events, outcome, replay?.nextId ?? 0, nowMs);
    events.push(makeEvent(EventType.OrchestratorCompleted, nowMs));
    store.appendHistory(instanceId, inst.execution_id, events);
    if (outcome.kind === 'running') {
      const customStatus = state?.customStatus
        ? JSON.stringify(state.customStatus)
        : current.custom_status;
      store.updateInstance(instanceId, {
        status: 'Running',
        custom_status: customStatus,
        updated_ms: commitMs,
      });
    } else if (state?.customStatus && applyDecisions) {
      store.updateInstance(instanceId, { custom_status: JSON.stringify(state.customStatus) });
    }
    if (outcome.kind === 'continuedAsNew') continueAsNew(deps, inst, outcome.input, nowMs);
  });
  deps.changed(instanceId);
  if (outcome.kind !== 'running') deps.log(`instance ${instanceId} ${outcome.kind}`);
  if (inst.parent_id !== null && outcome.kind !== 'running' && outcome.kind !== 'continuedAsNew')
    deps.wake(inst.parent_id);
  return true;
}
