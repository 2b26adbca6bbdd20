/**
 * A fake durable runtime for orchestrator unit tests: the real durable-functions
 * orchestration executor and context run the orchestrator (so tasks, `Task.any`/`Task.all`,
 * retries, event waits and the clock behave as the SDK makes them behave), and a
 * {@link FakeExtension} plays the Durable extension and its backend in memory. It schedules
 * what the orchestrator yields (activities, retries, timers, sub-orchestrations), answers from
 * a {@link DurableScript}, raises the script's external events at their times, and feeds each
 * completion back as the history event the extension would send, one episode each. Virtual
 * time jumps to the next thing due. A continue-as-new starts a fresh execution with a new
 * execution id; what the old one received (an event it never waited for) is gone with it.
 *
 * @example const run = await runDurable(productionLock, input, { activities }, 'lock-site');
 */
import type { OrchestrationContext } from 'durable-functions';

import { DueQueue } from './DueQueue.js';
import type { DurableRun, DurableScript } from './DurableScript.js';
import { FakeExtension, fromWire } from './FakeExtension.js';
import { fakeStartMs } from './fakeTime.js';
import {
  ActionType,
  DurableOrchestrationContext,
  EventType,
  extensionSettings,
  type SdkExecutor,
  TaskOrchestrationExecutor,
} from './sdk.js';

/** An orchestrator function as Slotpilot registers it. */
export type Orchestrator<T> = (context: OrchestrationContext) => Generator<unknown, T, unknown>;

/** Runs `orchestrator` over `input` as instance `instanceId` until it returns or throws. */
export async function runDurable<T>(
  orchestrator: Orchestrator<T>,
  input: unknown,
  script: DurableScript,
  instanceId: string,
): Promise<DurableRun<T>> {
  const queue = new DueQueue(fakeStartMs + (script.startAtMs ?? 0), script.onTime);
  const extension = new FakeExtension(script, queue);
  const { calls, statuses } = extension;
  const run: DurableRun<T> = {
    calls,
    statuses,
    elapsedMs: 0,
    executions: 0,
    maxHistoryPerExecution: 0,
    activity: (name) => calls.filter((c) => c.kind === 'activity' && c.name === name),
    lastStatus: <S>() => statuses.at(-1) as S,
  };
  const maxEvents = script.maxEvents ?? 100_000;
  let processed = 0;
  let currentInput = input;
  for (;;) {
    extension.execution += 1;
    const executor: SdkExecutor = new TaskOrchestrationExecutor();
    const wireInput = currentInput === undefined ? undefined : JSON.stringify(currentInput);
    const executionId = executionIdOf(script.executionId, extension.execution);
    extension.history = [
      extension.event(EventType.OrchestratorStarted),
      extension.event(EventType.ExecutionStarted, {
        Name: orchestrator.name,
        Input: wireInput,
        ...(executionId === undefined
          ? {}
          : { OrchestrationInstance: { InstanceId: instanceId, ExecutionId: executionId } }),
      }),
    ];
    const df = new DurableOrchestrationContext(
      extension.history,
      instanceId,
      new Date(queue.nowMs),
      false,
      script.parentInstanceId,
      extensionSettings.longRunningTimerIntervalDuration,
      extensionSettings.maximumShortTimerDuration,
      extensionSettings.defaultHttpAsyncRequestSleepTimeMillseconds,
      extensionSettings.schemaVersion,
      wireInput === undefined ? undefined : JSON.parse(wireInput),
      executor,
    );
    const setStatus = df.setCustomStatus.bind(df);
    df.setCustomStatus = (status: unknown) => {
      statuses.push(status === undefined ? undefined : JSON.parse(JSON.stringify(status)));
      setStatus(status);
    };
    const scheduled = new Set<string>();
    const scheduleNew = (): void => {
      for (const [id, task] of Object.entries(executor.openTasks)) {
        if (scheduled.has(id)) continue;
        scheduled.add(id);
        extension.schedule(Number(id), task);
      }
    };
    try {
      const history = [...extension.history];
      await executor.execute({ df }, history, extensionSettings.schemaVersion, orchestrator);
    } catch {
      // The executor keeps what the orchestrator threw (read below).
    }
    scheduleNew();
    while (executor.exception === undefined && !executor.orchestratorReturned) {
      const due = queue.next(extension.execution);
      if (due === undefined) {
        const waits = Object.keys(executor.openEvents).join(', ') || 'nothing';
        throw new Error(`deadlock: ${instanceId} waits (events: ${waits}) and nothing is due`);
      }
      const completion = await due.fire();
      if (completion === undefined) continue;
      processed += 1;
      if (processed > maxEvents) throw new Error(`no end after ${maxEvents} history events`);
      const episode = extension.event(EventType.OrchestratorStarted);
      extension.history.push(episode, completion);
      executor.processEvent(episode);
      executor.processEvent(completion);
      scheduleNew();
      extension.history.push(extension.event(EventType.OrchestratorCompleted));
    }
    run.maxHistoryPerExecution = Math.max(run.maxHistoryPerExecution, extension.history.length);
    if (executor.exception !== undefined) {
      run.error = executor.exception;
      break;
    }
    if (!executor.willContinueAsNew) {
      run.output = executor.output as T;
      break;
    }
    const again = executor.actions.findLast((a) => a.actionType === ActionType.ContinueAsNew);
    currentInput = fromWire(again?.input);
  }
  run.elapsedMs = queue.nowMs - fakeStartMs;
  run.executions = extension.execution;
  return run;
}

/** Durable's execution id for `execution` (undefined: the host exposes none). */
function executionIdOf(base: string | null | undefined, execution: number): string | undefined {
  if (base === null) return undefined;
  const first = base ?? 'execution-1';
  return execution === 1 ? first : `${first}+${execution}`;
}
