export type { Clock } from '../shared/clock/index.js';
export { RealClock, ScaledClock, VirtualClock } from '../shared/clock/index.js';
export { startDevHost } from './startDevHost.js';
export type { DevHost, DevHostOptions, InstanceStatus, RuntimeStatus } from './types.js';
