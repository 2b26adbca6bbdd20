import type { OrchestrationContext } from 'durable-functions';

import { createMonitorActivities } from '../../../../src/activities/monitor/createMonitorActivities.js';
import { encodeMonitorFailure } from '../../../../src/activities/monitor/encodeMonitorFailure.js';
import type { MonitorInput } from '../../../../src/domain/monitor/contract.js';
import { sealAll, verifySeal } from '../../orchestrators/support/seals.js';
import { type FakeActivity, type FakeEvent, type FakeRun, runFake } from './fakeDurable.js';
import { type Behaviour, fakeWorld } from './fakeWorld.js';

/** Runs an orchestrator over the real monitoring activities (plus the real `verifyEventSeal`) and an in-memory world. */
export async function runWithWorld<T>(
  orchestrator: (context: OrchestrationContext) => Generator<unknown, T, unknown>,
  input: unknown,
  behaviour: Behaviour = {},
  events: FakeEvent[] = [],
  tweak?: (world: ReturnType<typeof fakeWorld>) => void,
): Promise<{ run: FakeRun<T>; world: ReturnType<typeof fakeWorld> }> {
  const world = fakeWorld(behaviour);
  tweak?.(world);
  const activities = {
    ...(createMonitorActivities(world.deps) as unknown as Record<string, FakeActivity>),
    verifyEventSeal: (i: Parameters<typeof verifySeal>[0]) => Promise.resolve(verifySeal(i)),
  };
  const run = await runFake(orchestrator, input, {
    activities,
    // Events arrive sealed as the API raises them; tests forge one by giving it a `seal`.
    events: sealAll('rel-1-monitor', events),
    encodeError: encodeMonitorFailure,
    onTime: world.setElapsed,
  });
  return { run, world };
}

export type { MonitorInput };
