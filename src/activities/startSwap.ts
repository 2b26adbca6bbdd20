import { NonRetryableError } from '../domain/errors.js';
import type { ActivityDeps } from './ActivityDeps.js';
import type { StartSwapInput, StartSwapOutput } from './contracts.js';

/**
 * Starts swapping the slot into production, after checking which digest each side runs:
 * when production already runs `digest` nothing happens (a swap never runs twice); when the
 * slot no longer holds `digest` it refuses (NonRetryableError).
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
    throw new NonRetryableError(
      `slot ${slot}: expected it to run ${input.digest} before the swap, got ${staged.digest ?? 'no digest'}`,
    );
  }
  return { kind: 'started', handle: await deps.appService.beginSwap(site, slot) };
}
