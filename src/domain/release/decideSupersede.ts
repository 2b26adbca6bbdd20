import type { ReleaseCustomStatus, ReleaseInput } from './contract.js';

/** A release of the pipeline as the supersede step sees it (an active `releasePipeline`). */
export interface SupersedePeer {
  releaseId: string;
  /** Its input (absent or foreign inputs are ignored). */
  input: Partial<ReleaseInput> | undefined;
  customStatus: Partial<ReleaseCustomStatus> | null | undefined;
  /** ISO time Durable created the instance. */
  createdAt: string;
}

/** The release taking its supersede step. */
export interface SupersedeSelf {
  releaseId: string;
  pipeline: string;
  /** Its place in the pipeline's order ({@link releaseOrder}). */
  order: string;
  createdAt: string;
}

/** What the supersede step does. */
export interface SupersedeDecision {
  /** Older releases that may still wait for an approval: they get a `supersede` event. */
  supersede: string[];
  /** The newest newer release still running, when there is one: this release yields to it. */
  supersededBy?: string;
}

/**
 * Where a release stands in its pipeline's order: the time its image was pushed (the
 * event's time), else, for a start by hand, the time its orchestration was created (both on
 * the platform's clock; a request's wall-clock time is not, on a time-skipping dev host).
 * A late or redelivered event of an older push keeps its older place.
 */
export function releaseOrder(input: Partial<ReleaseInput> | undefined, createdAt: string): string {
  return input?.pushedAt ?? createdAt;
}

/**
 * The supersede step of a new release, a pure function of the pipeline's active releases:
 * every older one (in push order; ties by creation, then id) that may still wait for an
 * approval is superseded — it ends Superseded at its next approval wait, never in the middle
 * of a deploy, swap or monitoring window; and when a newer one already runs, this release
 * yields to it (it ends Superseded before doing anything), so an event delivered late can
 * never put an older image ahead of a newer one.
 *
 * @example decideSupersede(self, peers) // { supersede: ['pwbi-api-0a1b…'], supersededBy: undefined }
 */
export function decideSupersede(
  self: SupersedeSelf,
  peers: readonly SupersedePeer[],
): SupersedeDecision {
  const supersede: string[] = [];
  let newest: { id: string; key: string[] } | undefined;
  const selfKey = [self.order, self.createdAt, self.releaseId];
  for (const peer of peers) {
    if (peer.releaseId === self.releaseId || peer.input?.pipeline !== self.pipeline) continue;
    const key = [releaseOrder(peer.input, peer.createdAt), peer.createdAt, peer.releaseId];
    if (compareKeys(key, selfKey) < 0) {
      if (mayStillWait(peer)) supersede.push(peer.releaseId);
    } else if (newest === undefined || compareKeys(key, newest.key) > 0) {
      newest = { id: peer.releaseId, key };
    }
  }
  return { supersede, ...(newest !== undefined && { supersededBy: newest.id }) };
}

/** Whether a release has an approval ahead of it (or is waiting for one now). */
function mayStillWait(peer: SupersedePeer): boolean {
  const stages = peer.input?.plan?.stages ?? [];
  const views = peer.customStatus?.stages ?? [];
  return stages.some((stage) => {
    if (stage.approval === undefined) return false;
    const view = views.find((v) => v.name === stage.name);
    return view === undefined || view.status === 'Pending' || view.status === 'WaitingForApproval';
  });
}

function compareKeys(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
