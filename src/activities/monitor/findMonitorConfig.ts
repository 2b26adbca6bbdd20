import type { MonitorConfig, PipelineConfig, SlotpilotConfig } from '../../domain/config/index.js';
import { NonRetryableError } from '../../domain/errors.js';

/** The pipeline named `name`; NonRetryableError when the config has none. */
export function findPipelineConfig(config: SlotpilotConfig, name: string): PipelineConfig {
  const found = config.pipelines.find((p) => p.name === name);
  if (found === undefined) {
    throw new NonRetryableError(`pipeline: expected a configured pipeline, got "${name}"`);
  }
  return found;
}

/** The monitor settings of `stage` in `pipeline`; NonRetryableError when it has none. */
export function findMonitorConfig(
  config: SlotpilotConfig,
  pipeline: string,
  stage: string,
): MonitorConfig {
  const found = findPipelineConfig(config, pipeline).stages.find((s) => s.name === stage);
  if (found?.monitor === undefined) {
    throw new NonRetryableError(
      `${pipeline}.stages.${stage}.monitor: expected a monitored stage, got ${found === undefined ? 'no such stage' : 'none'}`,
    );
  }
  return found.monitor;
}
