import type { ReleaseView } from '../../src/domain/view/index.js';

/** One release of `slotpilot history PIPELINE`: its outcome and, when rolled back, how fast. */
export interface HistoryEntry {
  id: string;
  image: string;
  tag?: string;
  digest: string;
  status: string;
  requestedBy: string;
  createdAt: string;
  updatedAt: string;
  swappedAt?: string;
  rollback?: {
    reason: string;
    detectedAt: string;
    decidedAt: string;
    swapBackCompletedAt?: string;
    /** Detection to decision, and decision to the swap back's completion. */
    decideMs: number;
    swapBackMs?: number;
  };
}

/** The history entry of a release view. Pure. */
export function historyEntry(view: ReleaseView): HistoryEntry {
  const r = view.rollback;
  const ms = (from: string, to: string): number => Date.parse(to) - Date.parse(from);
  return {
    id: view.id,
    image: view.image,
    ...(view.tag === undefined ? {} : { tag: view.tag }),
    digest: view.digest,
    status: view.status,
    requestedBy: view.requestedBy,
    createdAt: view.createdAt,
    updatedAt: view.updatedAt,
    ...(view.swappedAt === undefined ? {} : { swappedAt: view.swappedAt }),
    ...(r === undefined
      ? {}
      : {
          rollback: {
            reason: r.reason,
            detectedAt: r.detectedAt,
            decidedAt: r.decidedAt,
            decideMs: ms(r.detectedAt, r.decidedAt),
            ...(r.swapBackCompletedAt === undefined
              ? {}
              : {
                  swapBackCompletedAt: r.swapBackCompletedAt,
                  swapBackMs: ms(r.decidedAt, r.swapBackCompletedAt),
                }),
          },
        }),
  };
}

/**
 * One line per release, e.g.
 * `pwbi-api-…  RolledBack  3.0.0  2026-01-05T09:00:00Z  rollback: decided +1s, swapped back +4s (errorRate 0.2 > 0.01)`.
 */
export function historyLine(e: HistoryEntry): string {
  const image = e.tag ?? e.digest.slice(0, 19);
  const head = `${e.id}  ${e.status.padEnd(18)} ${image.padEnd(20)} ${e.createdAt}`;
  if (e.rollback === undefined)
    return e.swappedAt === undefined ? head : `${head}  swapped ${e.swappedAt}`;
  const swapBack =
    e.rollback.swapBackMs === undefined
      ? 'swap back not finished'
      : `swapped back +${seconds(e.rollback.swapBackMs)}`;
  return `${head}  rollback: detected ${e.rollback.detectedAt}, decided +${seconds(e.rollback.decideMs)}, ${swapBack} (${e.rollback.reason})`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)}s`;
}
