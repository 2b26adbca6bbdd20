import type { InvocationContext, Timer } from '@azure/functions';
import type { DurableClient } from 'durable-functions';
import * as df from 'durable-functions';

import { parseDuration } from '../../domain/duration.js';

/** How long finished instances keep their durable history by default (the audit trail stays). */
export const defaultRetentionMs = 30 * 86_400_000;

/** Runtime statuses of instances that will not run again. */
const finished = [
  df.OrchestrationRuntimeStatus.Completed,
  df.OrchestrationRuntimeStatus.Failed,
  df.OrchestrationRuntimeStatus.Terminated,
];

/**
 * The retention period from the app setting `SLOTPILOT_RETENTION` (a duration such as `30d`);
 * {@link defaultRetentionMs} when unset. Throws naming the setting when it is not a duration.
 */
export function retentionFromEnv(env: Record<string, string | undefined>): number {
  const raw = env.SLOTPILOT_RETENTION?.trim();
  if (raw === undefined || raw === '') return defaultRetentionMs;
  return parseDuration(raw, 'SLOTPILOT_RETENTION');
}

/**
 * Purges the durable history of every instance that finished (Completed, Failed, Terminated)
 * and was created more than `retentionMs` before `now`, so listing and storage stay bounded.
 * The Blob audit trail is the long-term record and is never touched. Idempotent: a second run
 * purges nothing more. Returns how many instances were purged.
 */
export async function purgeFinished(
  client: Pick<DurableClient, 'purgeInstanceHistoryBy'>,
  retentionMs: number,
  now: Date,
): Promise<number> {
  const result = await client.purgeInstanceHistoryBy({
    createdTimeFrom: new Date(0),
    createdTimeTo: new Date(now.getTime() - retentionMs),
    runtimeStatus: finished,
  });
  return result.instancesDeleted;
}

/** Registers `purgeFinishedInstances`: every day at 03:00 UTC, {@link purgeFinished}. */
export function registerRetention(retentionMs: number): void {
  df.app.client.timer('purgeFinishedInstances', {
    schedule: '0 0 3 * * *',
    handler: async (_timer: Timer, client: DurableClient, context: InvocationContext) => {
      const purged = await purgeFinished(client, retentionMs, new Date());
      context.log(`retention: purged ${purged} finished instance(s) older than ${retentionMs} ms`);
    },
  });
}
