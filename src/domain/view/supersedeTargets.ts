import type { ReleaseSummary } from './ReleaseView.js';

/**
 * The releases a newly started release `newReleaseId` of `pipeline` supersedes: those of the
 * same pipeline still waiting for an approval. Releases deploying, swapping or monitoring
 * are never interrupted (DESIGN §1). Pure.
 */
export function supersedeTargets(
  releases: readonly ReleaseSummary[],
  pipeline: string,
  newReleaseId: string,
): string[] {
  return releases
    .filter(
      (r) => r.pipeline === pipeline && r.id !== newReleaseId && r.status === 'WaitingForApproval',
    )
    .map((r) => r.id);
}
