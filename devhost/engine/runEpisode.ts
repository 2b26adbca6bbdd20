import { applyControl } from './applyControl.js';
import { decideOutcome } from './decideOutcome.js';
import { dispatch, unknownFunctions } from './dispatchDecisions.js';
import type { EngineDeps } from './EngineDeps.js';
import { continueAsNew, finish } from './finishExecution.js';
import { EventType, type HistoryEvent, makeEvent } from './history.js';
import { replayActions } from './replayActions.js';
import { runOrchestrator } from './runOrchestrator.js';

const terminal = new Set(['Completed', 'Failed', 'Terminated', 'Canceled']);
const controlTypes = new Set<number>([
  EventType.ExecutionTerminated,
  EventType.ExecutionSuspended,
  EventType.ExecutionResumed,
]);

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
      store.transaction(() => applyControl(deps, inst, term.m, term.ev, nowMs));
      deps.changed(instanceId);
      return true;
    }
    const first = parsed[0] as (typeof parsed)[number];
    if (first.ev.EventType !== EventType.ExecutionResumed) {
      // DTFx records what arrives while suspended at once (its replay holds it back until the
      // resume), so the history keeps each event's arrival time; the orchestrator does not run.
      const cut = parsed.findIndex((p) => controlTypes.has(p.ev.EventType));
      const held = cut < 0 ? parsed : parsed.slice(0, cut);
      const dropped = cut === 0 ? [first] : [];
      store.transaction(() => {
        store.deleteMessages([...held, ...dropped].map((p) => p.m.id));
        if (held.length === 0) return;
        store.appendHistory(instanceId, inst.execution_id, [
          makeEvent(EventType.OrchestratorStarted, nowMs),
          ...held.map((p) => ({ ...p.ev, IsPlayed: false })),
          makeEvent(EventType.OrchestratorCompleted, nowMs),
        ]);
      });
      return true;
    }
    const nextControl = parsed.findIndex((p, i) => i > 0 && controlTypes.has(p.ev.EventType));
    batch = parsed.slice(0, nextControl < 0 ? undefined : nextControl);
    inst.status = 'Running';
  } else {
    const first = parsed[0] as (typeof parsed)[number];
    if (controlTypes.has(first.ev.EventType)) {
      store.transaction(() => applyControl(deps, inst, first.m, first.ev, nowMs));
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
      : replayActions(history, state.actions[0] ?? [], inst.execution_id, inst.id);
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
