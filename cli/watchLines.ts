import type { ReleaseView } from '../src/domain/view/index.js';
import { formatSample } from './formatRelease.js';

/**
 * The lines that describe what changed between two polls of a release: status, stage and
 * step changes, stage and check outcomes, approvals, new monitoring samples, a rollback.
 * `before` undefined means "first poll": everything that already happened is printed, so a
 * release first seen after a fast stage still shows that stage's checks. Pure.
 */
export function watchLines(before: ReleaseView | undefined, after: ReleaseView): string[] {
  const lines: string[] = [];
  if (
    before?.status !== after.status ||
    before.stage !== after.stage ||
    before.step !== after.step
  ) {
    lines.push(`${after.status.padEnd(18)} ${after.stage}: ${after.step}`);
  }
  for (const stage of after.stages) {
    // Not seen before: compare with the stage as it starts (Pending, no checks).
    const old = before?.stages.find((s) => s.name === stage.name) ?? notStarted(stage.name);
    if (old.status !== stage.status) {
      lines.push(`  stage ${stage.name} ${stage.status}`);
    }
    if (stage.approval !== undefined && old.approval === undefined) {
      lines.push(`  stage ${stage.name} approved by ${stage.approval.by}`);
    }
    for (const check of stage.checks) {
      const previous = old.checks.find((c) => c.name === check.name);
      if (previous?.status !== check.status) {
        lines.push(
          `  ${stage.name} ${check.name} ${check.status}${check.detail ? `: ${check.detail}` : ''}`,
        );
      }
    }
  }
  // Samples are trimmed to the most recent ones in the custom status: compare by time.
  const lastSeen = before?.monitor?.samples.at(-1)?.at ?? '';
  for (const sample of after.monitor?.samples.filter((s) => s.at > lastSeen) ?? []) {
    lines.push(`  sample ${formatSample(sample)}`);
  }
  if (after.rollback !== undefined && before?.rollback === undefined) {
    lines.push(`  rollback: ${after.rollback.reason}`);
  }
  return lines;
}

function notStarted(name: string): ReleaseView['stages'][number] {
  return { name, status: 'Pending', checks: [] };
}
