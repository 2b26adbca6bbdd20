import { terminalStatuses } from '../src/domain/release/index.js';
import type { ReleaseSummary, ReleaseView } from '../src/domain/view/index.js';
import { apiRequest } from './apiRequest.js';
import type { Target } from './resolveTarget.js';
import { watchLines } from './watchLines.js';

/**
 * Polls the release list every `intervalMs` and prints one line per release step (status,
 * stage, check, approval, sample, rollback) of every release that changed, prefixed with its
 * id. Returns a function that stops polling. Poll failures are reported once, not per poll.
 */
export function followReleases(
  target: Target,
  print: (line: string) => void,
  intervalMs = 500,
): () => Promise<void> {
  const known = new Map<string, ReleaseView>();
  let stopped = false;
  let failing = false;
  const poll = async (): Promise<void> => {
    const { releases } = await apiRequest<{ releases: ReleaseSummary[] }>(target, {
      method: 'GET',
      path: '/api/releases?top=20',
    });
    for (const summary of [...releases].reverse()) {
      const before = known.get(summary.id);
      if (
        before !== undefined &&
        before.updatedAt === summary.updatedAt &&
        before.status === summary.status
      )
        continue;
      if (before !== undefined && terminalStatuses.has(before.status)) continue;
      const view = await apiRequest<ReleaseView>(target, {
        method: 'GET',
        path: `/api/releases/${encodeURIComponent(summary.id)}`,
      });
      if (before === undefined)
        print(
          `${summary.id} ${view.image}${view.tag ? ` (${view.tag})` : ''} requested by ${view.requestedBy}`,
        );
      for (const line of watchLines(before, view)) print(`${summary.id} ${line}`);
      known.set(summary.id, view);
    }
  };
  const loop = (async () => {
    while (!stopped) {
      try {
        await poll();
        failing = false;
      } catch (error) {
        if (!failing) print(`(cannot read releases: ${(error as Error).message})`);
        failing = true;
      }
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return async () => {
    stopped = true;
    await loop;
  };
}
