import type { DurableClient } from 'durable-functions';

import type { AuditStore } from '../../azure/ports/index.js';
import type { PipelineConfig } from '../../domain/config/index.js';
import { sealEvent, sealInput } from '../../domain/identity/index.js';
import { pinnedImage } from '../../domain/images/index.js';
import { buildPlan } from '../../domain/plan/buildPlan.js';
import {
  orchestratorNames,
  releaseEvents,
  releaseIdFor,
  type ReleaseInput,
  type SupersedeNotice,
} from '../../domain/release/index.js';
import type { DurableStatusLike } from '../../domain/view/DurableStatusLike.js';
import { buildReleaseView, summarizeRelease, supersedeTargets } from '../../domain/view/index.js';
import { readStartRefusal } from '../../domain/view/readStartRefusal.js';
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
  | {
      kind: 'started';
      releaseId: string;
      superseded: string[];
      /** Set when it started again an instance whose previous start was refused unverified. */
      replacedRefusedStart?: true;
    }
  | { kind: 'exists'; releaseId: string; runtimeStatus: string };

/** Whether a start may go ahead, given the release instance as it is now. */
export type StartDecision =
  { kind: 'start' } | { kind: 'restart' } | { kind: 'exists'; runtimeStatus: string };

/**
 * Pure: no instance → start; an instance whose execution was refused at its first step
 * because its input could not be checked (storage down: `startRefused` with refusal
 * `unverified`, ended Failed) did nothing, so it may be started again; anything else exists
 * (a running release, a genuine Failed one, and a refused replay of one that already ran).
 */
export function decideStart(existing: DurableStatusLike | undefined): StartDecision {
  if (existing === undefined) return { kind: 'start' };
  if (existing.runtimeStatus === 'Failed' && readStartRefusal(existing)?.refusal === 'unverified') {
    return { kind: 'restart' };
  }
  return { kind: 'exists', runtimeStatus: existing.runtimeStatus };
}

/**
 * Starts the release of `image` in `pipeline` unless it exists (see {@link decideStart}): the
 * release id is derived from pipeline and digest, so a redelivered push (or a repeated manual
 * start) finds the instance and starts nothing new, never restarting it; only a start that was
 * refused before doing anything is started again, and only when the release's audit trail
 * shows no earlier run (a finished release replayed around the API during a storage outage
 * leaves such a refusal behind; it must not run again). The trail is read only then; a trail
 * that cannot be read throws (the caller answers 503 or Event Grid delivers again). Each start's input carries `requestedAt`
 * (`now`), so it is sealed as its own one-shot input. After a start, releases of the same
 * pipeline still waiting for approval get a `supersede` event, sealed with `sealKey`
 * (`SLOTPILOT_SIGNING_KEY`), which also seals the release input (`sealInput`): the
 * orchestration refuses to run an input it did not get from here. Idempotent.
 */
export async function startRelease(
  client: DurableClient,
  pipeline: PipelineConfig,
  image: ReleaseImage,
  requestedBy: string,
  sealKey: string,
  audit: Pick<AuditStore, 'events'>,
  now: Date = new Date(),
): Promise<StartOutcome> {
  const releaseId = releaseIdFor(pipeline.name, image.digest);
  const decision = decideStart(await tryGetStatus(client, releaseId));
  if (decision.kind === 'exists') {
    return { kind: 'exists', releaseId, runtimeStatus: decision.runtimeStatus };
  }
  if (decision.kind === 'restart' && (await ranBefore(audit, pipeline.name, releaseId))) {
    return { kind: 'exists', releaseId, runtimeStatus: 'Failed' };
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
    await client.startNew(orchestratorNames.release, {
      instanceId: releaseId,
      input: sealInput(orchestratorNames.release, releaseId, input, sealKey),
    });
  } catch (error) {
    // A concurrent delivery of the same push may have started it between our check and now.
    const raced = await tryGetStatus(client, releaseId);
    if (raced === undefined || decideStart(raced).kind !== 'exists') throw error;
    return { kind: 'exists', releaseId, runtimeStatus: raced.runtimeStatus };
  }
  const superseded = await supersedeWaiting(client, pipeline.name, releaseId, sealKey, now);
  return {
    kind: 'started',
    releaseId,
    superseded,
    ...(decision.kind === 'restart' ? { replacedRefusedStart: true as const } : {}),
  };
}

async function supersedeWaiting(
  client: DurableClient,
  pipeline: string,
  releaseId: string,
  sealKey: string,
  now: Date,
): Promise<string[]> {
  const active = await listReleaseStatuses(client, { activeOnly: true });
  const summaries = active.map((release) =>
    summarizeRelease(buildReleaseView({ release, links: { self: '', approve: '', status: '' } })),
  );
  const targets = supersedeTargets(summaries, pipeline, releaseId);
  const notice: SupersedeNotice = { byReleaseId: releaseId, at: now.toISOString() };
  await Promise.all(
    targets.map((id) =>
      client.raiseEvent(
        id,
        releaseEvents.supersede,
        sealEvent(id, releaseEvents.supersede, notice, sealKey),
      ),
    ),
  );
  return targets;
}

/** Whether the audit trail shows the release did anything before (beyond refused starts). */
async function ranBefore(
  audit: Pick<AuditStore, 'events'>,
  pipeline: string,
  releaseId: string,
): Promise<boolean> {
  const events = await audit.events(releaseId, pipeline);
  return events.some((event) => event.type !== 'forgedStartRefused');
}
