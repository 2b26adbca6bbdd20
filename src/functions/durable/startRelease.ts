import type { DurableClient } from 'durable-functions';

import type { PipelineConfig } from '../../domain/config/index.js';
import { pinnedImage } from '../../domain/images/index.js';
import { buildPlan } from '../../domain/plan/buildPlan.js';
import { orchestratorNames, releaseIdFor, type ReleaseInput } from '../../domain/release/index.js';
import { tryGetStatus } from './tryGetStatus.js';

/** The image a release deploys. */
export interface ReleaseImage {
  registry: string;
  repository: string;
  tag?: string;
  digest: string;
  /** When the image was pushed (the event's time); a manual start uses its request time. */
  pushedAt?: string;
}

/** What starting a release did. */
export type StartOutcome =
  | { kind: 'started'; releaseId: string }
  | { kind: 'exists'; releaseId: string; runtimeStatus: string };

/**
 * Starts the release of `image` in `pipeline` unless it exists: the release id is derived from
 * pipeline and digest, so a redelivered push (or a repeated manual start) finds the instance
 * and starts nothing new, never restarting it. Returns only once the start is durable (the
 * instance exists in the durable store), so a caller that answers 2xx afterwards never
 * acknowledges a start a crash could lose. Superseding older releases is not done here: it
 * is the new release's own first step (`supersedeOlderReleases`), so it survives any crash.
 * Idempotent.
 */
export async function startRelease(
  client: DurableClient,
  pipeline: PipelineConfig,
  image: ReleaseImage,
  requestedBy: string,
  now: Date = new Date(),
): Promise<StartOutcome> {
  const releaseId = releaseIdFor(pipeline.name, image.digest);
  const existing = await tryGetStatus(client, releaseId);
  if (existing !== undefined) {
    return { kind: 'exists', releaseId, runtimeStatus: existing.runtimeStatus };
  }
  const input: ReleaseInput = {
    releaseId,
    pipeline: pipeline.name,
    image: pinnedImage(image),
    ...(image.tag === undefined ? {} : { tag: image.tag }),
    digest: image.digest,
    requestedBy,
    requestedAt: now.toISOString(),
    // A push's time orders it among the pipeline's releases; a start by hand has none and
    // takes its place when its orchestration starts (on the orchestration clock).
    ...(image.pushedAt === undefined ? {} : { pushedAt: image.pushedAt }),
    plan: buildPlan(pipeline),
  };
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
