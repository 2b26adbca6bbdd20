import type { SwapProgress } from '../azure/ports/index.js';
import type { ActivityDeps } from './ActivityDeps.js';
import type { PollSwapInput } from './contracts.js';

/**
 * Polls a swap once (no waiting; the orchestrator waits between polls), the forward swap and
 * the swap back alike. Idempotent.
 */
export function pollSwap(deps: ActivityDeps, input: PollSwapInput): Promise<SwapProgress> {
  return deps.appService.pollSwap(input.handle);
}
