import type { ReleaseCustomStatus, StageProgress } from '../release/index.js';

/**
 * Reads a stage sub-orchestration's custom status (a {@link StageProgress}); undefined when
 * it has published nothing yet or something of another shape. Pure.
 */
export function readStageProgress(value: unknown): StageProgress | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const progress = value as Partial<StageProgress>;
  if (
    typeof progress.stage !== 'string' ||
    typeof progress.step !== 'string' ||
    typeof progress.updatedAt !== 'string' ||
    !Array.isArray(progress.checks)
  ) {
    return undefined;
  }
  return progress as StageProgress;
}

/**
 * The stage a release is running now according to its published custom status: the current
 * stage when it is Running, else any Running stage; undefined while it waits for an approval,
 * before it starts and after it ends. Its live progress is the custom status of the
 * `stageInstanceId(releaseId, stage)` sub-orchestration. Pure.
 */
export function stageInProgress(custom: ReleaseCustomStatus | undefined): string | undefined {
  if (custom === undefined) return undefined;
  const current = custom.stages.find((s) => s.name === custom.stage);
  if (current?.status === 'Running') return current.name;
  return custom.stages.find((s) => s.status === 'Running')?.name;
}
