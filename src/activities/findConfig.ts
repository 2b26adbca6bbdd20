import type {
  HookConfig,
  PipelineConfig,
  SlotpilotConfig,
  StageConfig,
} from '../domain/config/index.js';
import { NonRetryableError } from '../domain/errors.js';

/** The pipeline named `name`; NonRetryableError when the config has none. */
export function findPipeline(config: SlotpilotConfig, name: string): PipelineConfig {
  const pipeline = config.pipelines.find((p) => p.name === name);
  if (pipeline === undefined) {
    throw new NonRetryableError(
      `pipeline: expected one of the configured pipelines, got "${name}"`,
    );
  }
  return pipeline;
}

/** The stage `stage` of pipeline `pipeline`. */
export function findStage(config: SlotpilotConfig, pipeline: string, stage: string): StageConfig {
  const found = findPipeline(config, pipeline).stages.find((s) => s.name === stage);
  if (found === undefined) {
    throw new NonRetryableError(`stage: expected a stage of pipeline ${pipeline}, got "${stage}"`);
  }
  return found;
}

/** The hook `hook` of a stage (its URL is a secret and never leaves the activity). */
export function findHook(
  config: SlotpilotConfig,
  pipeline: string,
  stage: string,
  hook: string,
): HookConfig {
  const found = findStage(config, pipeline, stage).hooks.find((h) => h.name === hook);
  if (found === undefined) {
    throw new NonRetryableError(`hook: expected a hook of stage ${stage}, got "${hook}"`);
  }
  return found;
}
