import type { InvocationContext } from '@azure/functions';
import * as df from 'durable-functions';

import { encodeActivityFailure } from '../domain/release/index.js';
import type { ActivityDeps } from './ActivityDeps.js';
import type { ActivityName } from './contracts.js';
import { type Activities, createActivities, durableActivities } from './createActivities.js';
import type { DurableOps } from './DurableOps.js';
import { requireDurableOps } from './requireDurableOps.js';

/**
 * Registers every activity (release, monitoring, canary) with the Functions host. Errors leave as messages that
 * carry their retry advice (see encodeActivityFailure); activities that need the durable
 * client get it as an extra input, which the host must pass (Azure and the dev host do).
 */
export function registerActivities(deps: ActivityDeps): void {
  const activities = createActivities(deps);
  for (const name of Object.keys(activities) as ActivityName[]) {
    const needsClient = durableActivities.has(name);
    df.app.activity(name, {
      ...(needsClient ? { extraInputs: [df.input.durableClient()] } : {}),
      handler: (input: unknown, context: InvocationContext) =>
        run(activities, name, input, () => requireDurableOps(context, name)),
    });
  }
}

async function run(
  activities: Activities,
  name: ActivityName,
  input: unknown,
  durable: () => DurableOps,
): Promise<unknown> {
  const handler = activities[name] as (i: unknown, d: () => DurableOps) => Promise<unknown>;
  try {
    return await handler(input, durable);
  } catch (error) {
    throw new Error(encodeActivityFailure(error), { cause: error });
  }
}
