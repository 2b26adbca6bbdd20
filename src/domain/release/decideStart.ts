import type { PipelineConfig } from '../config/index.js';
import { pinnedImage } from '../images/index.js';
import { buildPlan } from '../plan/buildPlan.js';
import type { ReleaseInput } from './contract.js';
import { releaseIdFor } from './releaseId.js';

/** The image a release deploys. */
export interface ReleaseImage {
  registry: string;
  repository: string;
  tag?: string;
  digest: string;
  /** When the image was pushed (the event's time); a manual start has none. */
  pushedAt?: string;
}

/** A request to start the release of an image in a pipeline. */
export interface StartRequest {
  pipeline: PipelineConfig;
  image: ReleaseImage;
  /** The pusher's ACR actor for a push, the caller's email for a manual start. */
  requestedBy: string;
  /** When the request arrived (the trigger's clock). */
  now: Date;
}

/** What to do with a start request. */
export type StartDecision =
  | { kind: 'start'; releaseId: string; input: ReleaseInput }
  | { kind: 'exists'; releaseId: string; runtimeStatus: string };

/**
 * The start policy: one release per pipeline and digest (its id is derived from both), so a
 * redelivered push or a repeated manual start finds the release (`exists`, given the durable
 * status of that id when there is one) and starts nothing, never restarting it. A new release
 * carries the plan snapshot of its pipeline; a push's time orders it among the pipeline's
 * releases, while a start by hand takes its place when its orchestration starts, on the
 * orchestration clock (see `releaseOrder`). Pure.
 *
 * @example decideStart({ pipeline, image, requestedBy: 'ci', now }, undefined)
 * // { kind: 'start', releaseId: 'pwbi-api-3f2a…', input: { … } }
 */
export function decideStart(
  request: StartRequest,
  existing: { runtimeStatus: string } | undefined,
): StartDecision {
  const { pipeline, image, requestedBy, now } = request;
  const releaseId = releaseIdFor(pipeline.name, image.digest);
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
    ...(image.pushedAt === undefined ? {} : { pushedAt: image.pushedAt }),
    plan: buildPlan(pipeline),
  };
  return { kind: 'start', releaseId, input };
}
