export type { Clock } from './Clock.js';
export { RealClock } from './RealClock.js';
export { ScaledClock } from './ScaledClock.js';
export { VirtualClock } from './VirtualClock.js';
