import type { DurableClient } from 'durable-functions';

import { canaryInstanceId } from '../../domain/canary/index.js';
import { tryGetStatus } from './tryGetStatus.js';

/**
 * Raises `eventName` on the release's canary when one is running (`${id}-canary`): a rollback
 * or cancel during a canary aborts it at once (share 0 %). Returns whether it did. Callers
 * authenticate and authorize first.
 */
export async function raiseToCanary(
  client: DurableClient,
  releaseId: string,
  eventName: string,
  payload: unknown,
): Promise<boolean> {
  const id = canaryInstanceId(releaseId);
  const canary = await tryGetStatus(client, id);
  if (canary === undefined || !['Running', 'Pending'].includes(canary.runtimeStatus)) return false;
  const state = (canary.customStatus as { canary?: { state?: string } } | null)?.canary?.state;
  if (state === 'aborted' || state === 'promoted') return false;
  await client.raiseEvent(id, eventName, payload);
  return true;
}
