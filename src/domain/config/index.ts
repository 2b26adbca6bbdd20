export type { ConfigIssue } from './ConfigError.js';
export { ConfigError, formatIssue } from './ConfigError.js';
export { configLimits } from './limits.js';
export type { LoadConfigOptions } from './loadConfig.js';
export { loadConfigFile, parseConfig } from './loadConfig.js';
export type {
  ApprovalConfig,
  HookConfig,
  HookPhase,
  MonitorConfig,
  PipelineConfig,
  SlotpilotConfig,
  StageConfig,
  WarmupConfig,
} from './schema.js';
export { configSchema, hookPhases } from './schema.js';
