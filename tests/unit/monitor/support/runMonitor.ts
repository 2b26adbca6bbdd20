import { createActivities } from '../../../../src/activities/createActivities.js';
import type { MonitorInput } from '../../../../src/domain/monitor/contract.js';
import type {
  ActivityHandler,
  DurableRun,
  ScriptedEvent,
} from '../../support/durable/DurableScript.js';
import type { Orchestrator } from '../../support/durable/runDurable.js';
import { runOrchestration } from '../../support/durable/runOrchestration.js';
import { type Behaviour, fakeWorld } from './fakeWorld.js';

/** The instance id of every fake monitor run. */
export const monitorInstance = 'rel-1-monitor';

/**
 * Runs a monitoring orchestrator on the fake durable runtime over the real monitoring
 * activities (plus `recordAudit` into the world's audit) and an in-memory world that knows
 * the virtual time.
 */
export async function runWithWorld<T>(
  orchestrator: Orchestrator<T>,
  input: unknown,
  behaviour: Behaviour = {},
  events: ScriptedEvent[] = [],
  tweak?: (world: ReturnType<typeof fakeWorld>) => void,
): Promise<{ run: DurableRun<T>; world: ReturnType<typeof fakeWorld> }> {
  const world = fakeWorld(behaviour);
  tweak?.(world);
  const activities: Record<string, ActivityHandler> = {
    ...(createActivities(world.deps) as unknown as Record<string, ActivityHandler>),
    recordAudit: (i: Parameters<typeof world.deps.audit.append>[0]) =>
      world.deps.audit.append(i).then(() => null),
  };
  const run = await runOrchestration(
    orchestrator,
    input,
    { activities, events, onTime: world.setElapsed },
    monitorInstance,
  );
  return { run, world };
}

export type { MonitorInput };
