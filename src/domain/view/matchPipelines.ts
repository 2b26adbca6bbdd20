import type { PipelineConfig, SlotpilotConfig } from '../config/index.js';
import { matchesTagFilter } from '../images/index.js';

/** Where an image comes from, as a push event or a manual start names it. */
export interface ImageSource {
  registry: string;
  repository: string;
  /** When undefined (a manual start by digest) the pipelines' tag filters do not apply. */
  tag?: string;
}

/**
 * Which pipelines an image starts. `unknownSource`: no pipeline names this registry and
 * repository; `filtered`: some do, but their tag filters exclude the tag. Pure.
 */
export type PipelineMatch =
  | { kind: 'matched'; pipelines: PipelineConfig[] }
  | { kind: 'unknownSource' }
  | { kind: 'filtered'; pipelines: string[] };

/** Matches an image against every pipeline's source registry, repository and tag filter. */
export function matchPipelines(config: SlotpilotConfig, image: ImageSource): PipelineMatch {
  const sameSource = config.pipelines.filter(
    (p) =>
      p.source.registry.toLowerCase() === image.registry.toLowerCase() &&
      p.source.repository === image.repository,
  );
  if (sameSource.length === 0) return { kind: 'unknownSource' };
  const tag = image.tag;
  const matched =
    tag === undefined ? sameSource : sameSource.filter((p) => matchesTagFilter(tag, p.source.tags));
  return matched.length > 0
    ? { kind: 'matched', pipelines: matched }
    : { kind: 'filtered', pipelines: sameSource.map((p) => p.name) };
}
