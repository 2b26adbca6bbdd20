import type { RegistryPort } from '../../azure/ports/index.js';
import type { PipelineConfig, SlotpilotConfig } from '../../domain/config/index.js';
import { ValidationError } from '../../domain/errors.js';
import type { ImageRef } from '../../domain/images/index.js';
import type { ReleaseImage } from '../../domain/release/index.js';
import { resolvePipeline } from './resolvePipeline.js';
import { resolveTagPipeline } from './resolveTagPipeline.js';

/** What a manual start runs: the pipeline and the image by digest (tag kept for display). */
export interface StartTarget {
  pipeline: PipelineConfig;
  image: ReleaseImage;
  /** True when the digest came from a registry lookup of the tag. */
  resolved: boolean;
}

/**
 * Decides what `POST /api/releases` starts. With a digest: as given, no registry call. With a
 * tag alone: the pipeline is chosen and the tag checked against its filter first (so a
 * registry no pipeline names is never contacted), then the tag is resolved in the registry.
 * An unknown tag or repository is a 400 on `image`; registry throttling/outages throw
 * RetryAfterError (503); a refusal of Slotpilot's identity throws NonRetryableError (502).
 */
export async function resolveStartImage(
  config: SlotpilotConfig,
  registry: RegistryPort,
  ref: ImageRef,
  pipelineName: string | undefined,
): Promise<StartTarget> {
  if (ref.digest !== undefined) {
    return {
      pipeline: resolvePipeline(config, ref, pipelineName),
      image: { ...ref, digest: ref.digest },
      resolved: false,
    };
  }
  const tag = ref.tag;
  if (tag === undefined) {
    throw new ValidationError(
      'image',
      'registry/repository with a :tag or an @sha256: digest',
      `${JSON.stringify(`${ref.registry}/${ref.repository}`)} with neither`,
    );
  }
  const tagged = { registry: ref.registry, repository: ref.repository, tag };
  const pipeline = resolveTagPipeline(config, tagged, pipelineName);
  const lookup = await registry.resolveTag(tagged);
  if (lookup.status === 'missing') {
    throw new ValidationError(
      'image',
      `a tag that exists in ${ref.registry}/${ref.repository} (or an image by digest)`,
      `${JSON.stringify(`${ref.registry}/${ref.repository}:${tag}`)}, which the registry does not know (${lookup.detail})`,
    );
  }
  return { pipeline, image: { ...tagged, digest: lookup.digest }, resolved: true };
}
