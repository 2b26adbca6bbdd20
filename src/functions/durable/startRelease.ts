import type { DurableClient } from 'durable-functions';

import {
  decideStart,
  orchestratorNames,
  releaseIdFor,
  type StartRequest,
} from '../../domain/release/index.js';
import { tryGetStatus } from './tryGetStatus.js';

/** What starting a release did. */
export type StartOutcome =
  | { kind: 'started'; releaseId: string }
  | { kind: 'exists'; releaseId: string; runtimeStatus: string };

/**
 * Starts the release `request` asks for unless it exists (see `decideStart`). Returns only
 * once the start is durable (the instance exists in the durable store), so a caller that
 * answers 2xx afterwards never acknowledges a start a crash could lose. Superseding older
 * releases is not done here: it is the new release's own first step
 * (`supersedeOlderReleases`), so it survives any crash. Idempotent.
 */
export async function startRelease(
  client: DurableClient,
  request: StartRequest,
): Promise<StartOutcome> {
  const existing = await tryGetStatus(
    client,
    releaseIdFor(request.pipeline.name, request.image.digest),
  );
  const decision = decideStart(request, existing);
  if (decision.kind === 'exists') return decision;
  const { releaseId, input } = decision;
  try {
    await client.startNew(orchestratorNames.release, { instanceId: releaseId, input });
  } catch (error) {
    // A concurrent delivery of the same push may have started it between our check and now.
    const raced = await tryGetStatus(client, releaseId);
    if (raced === undefined) throw error;
    return { kind: 'exists', releaseId, runtimeStatus: raced.runtimeStatus };
  }
  return { kind: 'started', releaseId };
}
