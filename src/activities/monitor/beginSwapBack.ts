import { AzureRequestError } from '../../azure/errors/AzureRequestError.js';
import type { SwapHandle } from '../../azure/ports/index.js';
import type { ActivityDeps } from '../ActivityDeps.js';
import type { BeginSwapBackInput, BeginSwapBackOutput } from './contracts.js';

/** Key of the record that remembers a started swap back (so a retried activity resumes it). */
export function swapBackRecordId(releaseId: string): string {
  return `${releaseId}.swap-back`;
}

/**
 * Starts swapping the previous version back into production, after checking which digest
 * each side runs. Never swaps twice: production already on the previous digest →
 * `alreadyRolledBack` (also when a swap back completes while the two sides are read); a swap
 * back of this release already started (recorded) and not failed → the same handle; the slot no longer holding the previous digest → `refused`, nothing changed; a
 * swap of the site already running (ARM 409) → `busy`, to look again after it.
 */
export async function beginSwapBack(
  deps: ActivityDeps,
  input: BeginSwapBackInput,
): Promise<BeginSwapBackOutput> {
  const production = await deps.appService.getSlot(input.site);
  if (production.digest === input.previousDigest) return { kind: 'alreadyRolledBack' };

  const recordId = swapBackRecordId(input.releaseId);
  const started = await deps.audit.getRelease(recordId);
  const recorded = started?.['handle'];
  if (isSwapHandle(recorded)) {
    // Resume the swap back already started; one that failed may be tried again below.
    const progress = await deps.appService.pollSwap(recorded);
    if (progress.status !== 'failed') return { kind: 'started', handle: recorded };
  }

  const slot = await deps.appService.getSlot({ ...input.site, slot: input.slot });
  if (slot.digest !== input.previousDigest || production.digest !== input.newDigest) {
    // A swap back started by a crashed attempt may have completed between the two reads.
    const now = await deps.appService.getSlot(input.site);
    if (now.digest === input.previousDigest) return { kind: 'alreadyRolledBack' };
  }
  if (slot.digest !== input.previousDigest) {
    return {
      kind: 'refused',
      detail: `slot ${input.slot}: expected it to still run the previous digest ${input.previousDigest}, got ${slot.digest ?? 'no digest'}`,
      ...(slot.digest !== undefined && { slotDigest: slot.digest }),
    };
  }
  if (production.digest !== input.newDigest) {
    return {
      kind: 'refused',
      detail: `production: expected it to run this release's digest ${input.newDigest}, got ${production.digest ?? 'no digest'}`,
    };
  }
  let handle: SwapHandle;
  try {
    handle = await deps.appService.beginSwap(input.site, input.slot);
  } catch (error) {
    // 409: a swap of this site is already running — typically the one a crashed run of this
    // very activity started before it could record it. Never start a second one.
    if (error instanceof AzureRequestError && error.statusCode === 409) {
      return { kind: 'busy', detail: error.message };
    }
    throw error;
  }
  await deps.audit.putRelease(recordId, { handle, releaseId: input.releaseId });
  return { kind: 'started', handle };
}

function isSwapHandle(value: unknown): value is SwapHandle {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { pollerState?: unknown }).pollerState === 'string' &&
    typeof (value as { slot?: unknown }).slot === 'string'
  );
}
