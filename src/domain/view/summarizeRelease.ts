import type { ReleaseSummary, ReleaseView } from './ReleaseView.js';

/** The list entry of a release view (no stages, samples or approval links). Pure. */
export function summarizeRelease(view: ReleaseView): ReleaseSummary {
  return {
    id: view.id,
    pipeline: view.pipeline,
    image: view.image,
    ...(view.tag === undefined ? {} : { tag: view.tag }),
    digest: view.digest,
    status: view.status,
    stage: view.stage,
    step: view.step,
    requestedBy: view.requestedBy,
    createdAt: view.createdAt,
    updatedAt: view.updatedAt,
    links: { self: view.links.self },
  };
}
