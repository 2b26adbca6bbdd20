import { NonRetryableError } from '../domain/errors.js';
import type { ActivityDeps } from './ActivityDeps.js';
import type { StartSwapInput, StartSwapOutput } from './contracts.js';

/**
 * Starts swapping the slot into production, after checking which digest each side runs:
 * when production already runs `digest` nothing happens (a swap never runs twice); when the
 * slot no longer holds `digest` it refuses (NonRetryableError). A swap already running (this
 * activity ran before and its answer was lost) is reported as `inProgress`, never started again.
 */
export async function startSwap(
  deps: ActivityDeps,
  input: StartSwapInput,
): Promise<StartSwapOutput> {
  const { slot, ...site } = input.target;
  const production = await deps.appService.getSlot(site);
  if (production.digest === input.digest) return { kind: 'alreadySwapped' };
  const staged = await deps.appService.getSlot(input.target);
  if (staged.digest !== input.digest) {
    // A swap started by a crashed attempt may have completed between the two reads.
    if ((await deps.appService.getSlot(site)).digest === input.digest) {
      return { kind: 'alreadySwapped' };
    }
    throw new NonRetryableError(
      `slot ${slot}: expected it to run ${input.digest} before the swap, got ${staged.digest ?? 'no digest'}`,
    );
  }
  try {
    return { kind: 'started', handle: await deps.appService.beginSwap(site, slot) };
  } catch (error) {
    if (isSwapInProgress(error)) return { kind: 'inProgress' };
    throw error;
  }
}

/** App Service refuses a second swap of a site while one runs: 409 "… is in progress". */
function isSwapInProgress(error: unknown): boolean {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return status === 409 && error instanceof Error && /in progress/i.test(error.message);
}
