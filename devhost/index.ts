export type { Clock } from './clock/index.js';
export { RealClock, ScaledClock, VirtualClock } from './clock/index.js';
export { startDevHost } from './startDevHost.js';
export type { DevHost, DevHostOptions, InstanceStatus, RuntimeStatus } from './types.js';
