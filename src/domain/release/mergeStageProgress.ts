import type { ReleaseCustomStatus } from './contract.js';
import { fitStatus } from './fitStatus.js';
import type { StageProgress } from './stageContract.js';

/**
 * The release view while a stage sub-orchestration runs: the release's own custom status
 * with the stage's live progress (checks, step, lock wait) laid over it. Pure; ignores
 * progress for a stage that is not running in `release`.
 */
export function mergeStageProgress(
  release: ReleaseCustomStatus,
  progress: StageProgress | undefined,
): ReleaseCustomStatus {
  if (progress === undefined) return release;
  const stage = release.stages.find((s) => s.name === progress.stage);
  if (stage?.status !== 'Running') return release;
  return fitStatus({
    ...release,
    step: progress.step,
    updatedAt: progress.updatedAt > release.updatedAt ? progress.updatedAt : release.updatedAt,
    ...(progress.waitingForLock === undefined ? {} : { waitingForLock: progress.waitingForLock }),
    ...(progress.previousDigest === undefined ? {} : { previousDigest: progress.previousDigest }),
    ...(progress.swappedAt === undefined ? {} : { swappedAt: progress.swappedAt }),
    stages: release.stages.map((s) =>
      s.name === progress.stage ? { ...s, checks: progress.checks } : s,
    ),
  });
}
