import type { PipelineConfig, SlotpilotConfig } from '../../domain/config/index.js';
import { ValidationError } from '../../domain/errors.js';
import { matchesTagFilter } from '../../domain/images/index.js';
import { matchPipelines } from '../../domain/view/index.js';
import { NotFoundError } from '../http/ApiError.js';
import { resolvePipeline } from './resolvePipeline.js';

/** An image named by tag alone (no digest yet). */
export interface TaggedImage {
  registry: string;
  repository: string;
  tag: string;
}

/**
 * The pipeline a manual start by tag runs, from configuration alone (no registry call): as
 * {@link resolvePipeline}, and the tag must pass the pipeline's tag filter (`source.tags`), as
 * it must for a push. 404 when no pipeline deploys the registry/repository; 400 (`image`) when
 * tag filters exclude the tag; 400 (`pipeline`) when several pipelines take it.
 */
export function resolveTagPipeline(
  config: SlotpilotConfig,
  image: TaggedImage,
  name: string | undefined,
): PipelineConfig {
  if (name !== undefined) {
    const pipeline = resolvePipeline(config, image, name);
    if (!matchesTagFilter(image.tag, pipeline.source.tags)) {
      throw new ValidationError(
        'image',
        `a tag matching ${pipeline.source.tags.join(' or ')} (the tag filter of pipeline ${name})`,
        JSON.stringify(image.tag),
      );
    }
    return pipeline;
  }
  const source = `${image.registry}/${image.repository}`;
  const match = matchPipelines(config, image);
  switch (match.kind) {
    case 'unknownSource':
      throw new NotFoundError(`No pipeline deploys images from ${source}.`);
    case 'filtered':
      throw new ValidationError(
        'image',
        `a tag that the tag filter of ${match.pipelines.join(', ')} lets through`,
        JSON.stringify(image.tag),
      );
    case 'matched': {
      const [only, ...others] = match.pipelines;
      if (only === undefined || others.length > 0) {
        throw new ValidationError(
          'pipeline',
          `one of ${match.pipelines.map((p) => p.name).join(', ')} (several pipelines deploy ${source}:${image.tag})`,
          'nothing',
        );
      }
      return only;
    }
    default: {
      const never: never = match;
      throw new Error(`pipeline match: unexpected ${JSON.stringify(never)}`);
    }
  }
}
