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
): SlotsView {
  return {
    pipeline: pipeline.name,
    stages: pipeline.stages.map((stage, index) => ({
      stage: stage.name,
      site: stage.target.site,
      slots: [...(slotsByStage[index] ?? [])]
        .sort((a, b) =>
          a.name === 'production' ? -1 : b.name === 'production' ? 1 : a.name.localeCompare(b.name),
        )
        .map((slot) => ({
          name: slot.name,
          image: slot.image ?? null,
          digest: slot.digest ?? null,
          state: slot.state,
          hostName: slot.hostName,
        })),
    })),
  };
}
