import type { DurableClient } from 'durable-functions';

import type { PipelineConfig } from '../../domain/config/index.js';
import { pinnedImage } from '../../domain/images/index.js';
import { buildPlan } from '../../domain/plan/buildPlan.js';
import {
  orchestratorNames,
  releaseEvents,
  releaseIdFor,
  type ReleaseInput,
  type SupersedeNotice,
} from '../../domain/release/index.js';
import { buildReleaseView, summarizeRelease, supersedeTargets } from '../../domain/view/index.js';
import { listReleaseStatuses } from './listReleaseStatuses.js';
import { tryGetStatus } from './tryGetStatus.js';

/** The image a release deploys. */
export interface ReleaseImage {
  registry: string;
  repository: string;
  tag?: string;
  digest: string;
}

/** What starting a release did. */
export type StartOutcome =
  | { kind: 'started'; releaseId: string; superseded: string[] }
  | { kind: 'exists'; releaseId: string; runtimeStatus: string };

/**
 * Starts the release of `image` in `pipeline` unless it exists: the release id is derived from
 * pipeline and digest, so a redelivered push (or a repeated manual start) finds the instance
 * and starts nothing new, never restarting it. After a start, releases of the same pipeline
 * still waiting for approval get a `supersede` event. Idempotent.
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
  const superseded = await supersedeWaiting(client, pipeline.name, releaseId, now);
  return { kind: 'started', releaseId, superseded };
}

async function supersedeWaiting(
  client: DurableClient,
  pipeline: string,
  releaseId: string,
  now: Date,
): Promise<string[]> {
  const active = await listReleaseStatuses(client, { activeOnly: true });
  const summaries = active.map((release) =>
    summarizeRelease(buildReleaseView({ release, links: { self: '', approve: '' } })),
  );
  const targets = supersedeTargets(summaries, pipeline, releaseId);
  const notice: SupersedeNotice = { byReleaseId: releaseId, at: now.toISOString() };
  await Promise.all(targets.map((id) => client.raiseEvent(id, releaseEvents.supersede, notice)));
  return targets;
}
