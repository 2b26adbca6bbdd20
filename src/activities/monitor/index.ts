import * as df from 'durable-functions';

import type { MonitorActivityName } from './contracts.js';
import { createMonitorActivities, type MonitorActivities } from './createMonitorActivities.js';
import { encodeMonitorFailure } from './encodeMonitorFailure.js';
import type { MonitorDeps } from './MonitorDeps.js';

export type * from './contracts.js';
export { createMonitorActivities, type MonitorActivities } from './createMonitorActivities.js';
export type { MonitorDeps } from './MonitorDeps.js';

/** Registers every monitoring activity with the Functions host (called by the composition root). */
export function registerMonitorActivities(deps: MonitorDeps): void {
  const activities = createMonitorActivities(deps);
  for (const name of Object.keys(activities) as MonitorActivityName[]) {
    df.app.activity(name, { handler: (input: unknown) => run(activities, name, input) });
  }
}

async function run(activities: MonitorActivities, name: MonitorActivityName, input: unknown) {
  const handler = activities[name] as (i: unknown) => Promise<unknown>;
  try {
    return await handler(input);
  } catch (error) {
    throw new Error(encodeMonitorFailure(error), { cause: error });
  }
}
