import type { ReleaseView } from '../../src/domain/view/index.js';
import { apiRequest } from '../apiRequest.js';
import { CliError, exitCodes } from '../CliError.js';
import type { Target } from '../resolveTarget.js';

/** What `POST /api/releases/{id}/promote` answers with 202. */
export interface PromoteAccepted {
  releaseId: string;
  /** The promoted step's index (0-based). */
  step: number;
  percent: number;
  by: string;
  at: string;
}

/**
 * `slotpilot promote ID [--step N] [--reason TEXT]`: promotes the canary step the caller saw.
 * `step` (1-based, as `show` prints it) defaults to the step the release view shows now; the
 * API refuses with 409 when the canary is at another step, so running the command twice
 * never skips a step. A refusal prints the API's own wording, e.g. `409 Conflict: Step 1 was
 * already promoted; now at step 2.`
 */
export async function promoteRelease(
  target: Target,
  releaseId: string,
  options: { step?: string; reason?: string; token: string },
): Promise<PromoteAccepted> {
  const path = `/api/releases/${encodeURIComponent(releaseId)}`;
  const step =
    options.step === undefined
      ? shownStep(await apiRequest<ReleaseView>(target, { method: 'GET', path }))
      : parseStep(options.step);
  return apiRequest<PromoteAccepted>(target, {
    method: 'POST',
    path: `${path}/promote`,
    body: {
      ...(step === undefined ? {} : { step }),
      ...(options.reason ? { reason: options.reason } : {}),
    },
    token: options.token,
  });
}

/**
 * The step (1-based) a release view shows for its canary: the one waiting for a promote, else
 * the one in progress; undefined without a canary (the API then says there is nothing to
 * promote).
 */
export function shownStep(view: Pick<ReleaseView, 'canary'>): number | undefined {
  const canary = view.canary;
  if (canary === undefined) return undefined;
  return (canary.waitingForPromotion?.step ?? canary.step) + 1;
}

function parseStep(text: string): number {
  const step = Number(text);
  if (!Number.isInteger(step) || step < 1) {
    throw new CliError(
      `--step: expected a step number (1, 2, …) as show prints it, got ${JSON.stringify(text)}`,
      exitCodes.usage,
    );
  }
  return step;
}
