import type { ReleaseInput, ReleasePlan } from '../release/index.js';

/** The orchestration input fields the views use, defaulted when the input is missing or odd. */
export interface ReleaseInputFacts {
  pipeline: string;
  image: string;
  tag?: string;
  digest: string;
  requestedBy: string;
  plan: ReleasePlan;
}

/**
 * Reads a `releasePipeline` input defensively: status payloads may omit the input, and an
 * instance started by an older version may lack fields. The pipeline falls back to the
 * release id without its `-<20 hex>` digest suffix.
 */
export function readReleaseInput(input: unknown, releaseId: string): ReleaseInputFacts {
  const value = (typeof input === 'object' && input !== null ? input : {}) as Partial<
    Record<keyof ReleaseInput, unknown>
  >;
  const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
  const planValue = value.plan as Partial<ReleasePlan> | undefined;
  const plan: ReleasePlan = { stages: Array.isArray(planValue?.stages) ? planValue.stages : [] };
  const tag = text(value.tag);
  return {
    pipeline: text(value.pipeline) ?? releaseId.replace(/-[0-9a-f]{20}$/, ''),
    image: text(value.image) ?? '',
    ...(tag === undefined ? {} : { tag }),
    digest: text(value.digest) ?? '',
    requestedBy: text(value.requestedBy) ?? '',
    plan,
  };
}
