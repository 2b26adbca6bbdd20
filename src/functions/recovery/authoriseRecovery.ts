import type { DurableClient } from 'durable-functions';

import { mayRollBack } from '../../domain/monitor/index.js';
import { orchestratorNames } from '../../domain/release/index.js';
import { readReleaseInput } from '../../domain/view/index.js';
import { tryGetStatus } from '../durable/tryGetStatus.js';
import { ForbiddenError, NotFoundError } from '../http/ApiError.js';

/**
 * Checks that release `releaseId` exists (404) and that `actor` may roll it back or resume its
 * monitor (403: approvers of some stage of its plan). Read-only.
 */
export async function authoriseRecovery(
  client: DurableClient,
  releaseId: string,
  actor: string,
): Promise<void> {
  const release = await tryGetStatus(client, releaseId);
  if (release?.name !== orchestratorNames.release)
    throw new NotFoundError(`No release with id ${releaseId}.`);
  if (!mayRollBack(readReleaseInput(release.input, releaseId).plan, actor)) {
    throw new ForbiddenError(`${actor} approves no stage of release ${releaseId}.`);
  }
}
