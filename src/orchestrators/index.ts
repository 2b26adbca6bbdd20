export { registerOrchestrators } from './registerOrchestrators.js';
