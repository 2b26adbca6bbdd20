import type { PipelineConfig, SlotpilotConfig } from '../../domain/config/index.js';
import { ValidationError } from '../../domain/errors.js';
import type { ImageRef } from '../../domain/images/index.js';
import { matchPipelines } from '../../domain/view/index.js';
import { NotFoundError } from '../http/ApiError.js';

/**
 * The pipeline a manual start runs: the named one (404 if unknown; 400 if it does not deploy
 * this registry/repository), else the one pipeline whose source matches the image (404 if
 * none, 400 if several — name one with `pipeline`).
 */
export function resolvePipeline(
  config: SlotpilotConfig,
  image: ImageRef,
  name: string | undefined,
): PipelineConfig {
  const source = `${image.registry}/${image.repository}`;
  if (name !== undefined) {
    const pipeline = config.pipelines.find((p) => p.name === name);
    if (pipeline === undefined) throw new NotFoundError(`No pipeline named ${name}.`);
    const match = matchPipelines({ pipelines: [pipeline] }, { ...image, tag: undefined });
    if (match.kind !== 'matched') {
      throw new ValidationError(
        'image',
        `an image from ${pipeline.source.registry}/${pipeline.source.repository} (pipeline ${name})`,
        JSON.stringify(source),
      );
    }
    return pipeline;
  }
  const match = matchPipelines(config, { registry: image.registry, repository: image.repository });
  if (match.kind !== 'matched')
    throw new NotFoundError(`No pipeline deploys images from ${source}.`);
  const [only, ...others] = match.pipelines;
  if (only === undefined || others.length > 0) {
    throw new ValidationError(
      'pipeline',
      `one of ${match.pipelines.map((p) => p.name).join(', ')} (several pipelines deploy ${source})`,
      'nothing',
    );
  }
  return only;
}
