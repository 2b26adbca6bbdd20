import type { OrchestratorState } from './OrchestratorAction.js';
import type { ReplayResult } from './replayActions.js';

/** The extension's custom status limit: 16 KB of UTF-16 JSON. */
const maxCustomStatusBytes = 16 * 1024;

/** How an episode ends the execution, if it does. */
export type Outcome =
  | { kind: 'running' }
  | { kind: 'completed'; result: string | null }
  | { kind: 'continuedAsNew'; input: string }
  | { kind: 'failed'; message: string; details: string };

/** Decides the execution's outcome from the orchestrator's answer and the replay (reference §2.5). */
export function decideOutcome(
  name: string,
  result: { state: OrchestratorState; stackTrace?: string } | { error: string; details: string },
  replay: ReplayResult | undefined,
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
      // The extension's OutOfProcOrchestrationShim: "Message: <error>, StackTrace: <stack>".
      details: `Message: ${state.error}, StackTrace: ${result.stackTrace ?? ''}`,
    };
  }
  if (replay.continueAsNewInput !== undefined)
    return { kind: 'continuedAsNew', input: replay.continueAsNewInput };
  return {
    kind: 'completed',
    result: state.output === undefined ? null : JSON.stringify(state.output),
  };
}
