import type { OrchestrationContext } from 'durable-functions';

import { createMonitorActivities } from '../../../../src/activities/monitor/createMonitorActivities.js';
import { encodeMonitorFailure } from '../../../../src/activities/monitor/encodeMonitorFailure.js';
import type { MonitorInput } from '../../../../src/domain/monitor/contract.js';
import {
  inputVerifier,
  sealAll,
  sealChild,
  startInput,
  verifySeal,
} from '../../support/durable/seals.js';
import { type FakeActivity, type FakeEvent, type FakeRun, runFake } from './fakeDurable.js';
import { type Behaviour, fakeWorld } from './fakeWorld.js';

/** The instance id of every fake monitor run. */
export const monitorInstance = 'rel-1-monitor';

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
  const verifyInput = inputVerifier();
  const activities = {
    ...(createMonitorActivities(world.deps) as unknown as Record<string, FakeActivity>),
    verifyEventSeal: (i: Parameters<typeof verifySeal>[0]) => Promise.resolve(verifySeal(i)),
    verifyOrchestrationInput: (i: Parameters<typeof verifyInput>[0]) =>
      Promise.resolve(verifyInput(i)),
    sealOrchestrationInput: (i: Parameters<typeof sealChild>[0]) => Promise.resolve(sealChild(i)),
    recordAudit: (i: Parameters<typeof world.deps.audit.append>[0]) =>
      world.deps.audit.append(i).then(() => null),
  };
  // Started as Slotpilot starts it (sealed) unless the test gives the input a `seal` field.
  const sealed = startInput(orchestrator.name, monitorInstance, input);
  const run = await runFake(orchestrator, sealed, {
    activities,
    // Events arrive sealed as the API raises them; tests forge one by giving it a `seal`.
    events: sealAll(monitorInstance, events),
    encodeError: encodeMonitorFailure,
    onTime: world.setElapsed,
  });
  return { run, world };
}

export type { MonitorInput };
