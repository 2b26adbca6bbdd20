export type { ActivityDeps } from './ActivityDeps.js';
export type * from './canary/contracts.js';
export type * from './contracts.js';
export type { Activities, ActivityHandler } from './createActivities.js';
export { createActivities } from './createActivities.js';
export type { DurableOps, InstanceInfo } from './DurableOps.js';
export type * from './monitor/contracts.js';
export { registerActivities } from './registerActivities.js';
