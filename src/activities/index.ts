export type { ActivityDeps } from './ActivityDeps.js';
export type { Activities, ActivityHandler } from './createActivities.js';
export { createActivities } from './createActivities.js';
export type { DurableOps, InstanceInfo } from './DurableOps.js';
export { registerActivities } from './registerActivities.js';
