import type { PipelineConfig } from '../config/index.js';

/** What App Service reports for one site or slot (structurally the AppServicePort's SlotState). */
export interface LiveSlot {
  name: string;
  image?: string;
  digest?: string;
  state: string;
  hostName: string;
}

/** One site or slot in the slots view. */
export interface SlotView {
  /** `production` or the slot name. */
  name: string;
  image: string | null;
  digest: string | null;
  state: string;
  hostName: string;
  /**
   * Share of the site's production traffic this slot serves now (App Service routing rules;
   * production gets the rest). Absent where the routing rules could not be read.
   */
  trafficPercent?: number;
}

/** A routing rule of a site: `percent` of production traffic to the slot at `hostName`. */
export interface LiveShare {
  hostName: string;
  percent: number;
}

/** `GET /api/pipelines/{name}/slots`: which image runs where, read live (DESIGN §4). */
export interface SlotsView {
  pipeline: string;
  stages: { stage: string; site: string; slots: SlotView[] }[];
}

/**
 * Assembles the slots view from each stage's live slot list (same order as the pipeline's
 * stages; `slotsByStage[i]` belongs to stage i). Production is listed first, then slots by
 * name. Pure.
 */
export function buildSlotsView(
  pipeline: PipelineConfig,
  slotsByStage: readonly (readonly LiveSlot[])[],
  sharesByStage: readonly (readonly LiveShare[] | undefined)[] = [],
): SlotsView {
  return {
    pipeline: pipeline.name,
    stages: pipeline.stages.map((stage, index) => ({
      stage: stage.name,
      site: stage.target.site,
      slots: withTraffic(slotsByStage[index] ?? [], sharesByStage[index])
        .sort((a, b) =>
          a.name === 'production' ? -1 : b.name === 'production' ? 1 : a.name.localeCompare(b.name),
        )
        .map((slot) => ({
          name: slot.name,
          image: slot.image ?? null,
          digest: slot.digest ?? null,
          state: slot.state,
          hostName: slot.hostName,
          ...(slot.trafficPercent !== undefined && { trafficPercent: slot.trafficPercent }),
        })),
    })),
  };
}

/** Each slot's share of production traffic per the rules (production: the rest), when known. */
function withTraffic(
  slots: readonly LiveSlot[],
  shares: readonly LiveShare[] | undefined,
): Array<LiveSlot & { trafficPercent?: number }> {
  if (shares === undefined) return [...slots];
  const of = (slot: LiveSlot): number =>
    shares
      .filter((r) => r.hostName.toLowerCase() === slot.hostName.toLowerCase())
      .reduce((sum, r) => sum + r.percent, 0);
  const routed = slots.filter((s) => s.name !== 'production').reduce((sum, s) => sum + of(s), 0);
  return slots.map((slot) => ({
    ...slot,
    trafficPercent: slot.name === 'production' ? Math.max(0, 100 - routed) : of(slot),
  }));
}
