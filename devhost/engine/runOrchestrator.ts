import { invokeFunction } from '../load/invokeFunction.js';
import type { EngineDeps } from './EngineDeps.js';
import type { HistoryEvent } from './history.js';
import type { OrchestratorState } from './OrchestratorAction.js';
import { orchestratorPayload } from './orchestratorPayload.js';
import type { InstanceRow } from './Store.js';

const outOfProcMarker = '$OutOfProcData$:';

/** Invokes the orchestrator; resolves to its state, or to an error message when it has none. */
export async function runOrchestrator(
  deps: EngineDeps,
  inst: InstanceRow,
  history: HistoryEvent[],
): Promise<{ state: OrchestratorState; stackTrace?: string } | { error: string; details: string }> {
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
        return {
          state: JSON.parse(msg.slice(at + outOfProcMarker.length)) as OrchestratorState,
          stackTrace: stackFrames(err),
        };
      } catch {
        // fall through: report the raw message
      }
    }
    return { error: msg, details: (err as Error).stack ?? '' };
  }
}

/** The frames of an error's stack (the "at …" lines), like .NET's Exception.StackTrace. */
function stackFrames(err: unknown): string {
  const stack = err instanceof Error ? (err.stack ?? '') : '';
  return stack
    .split('\n')
    .filter((l) => /^\s+at /.test(l))
    .join('\n');
}
