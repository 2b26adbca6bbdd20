import { NonRetryableError } from '../domain/errors.js';
import { parseImageRef } from '../domain/images/index.js';
import type { ActivityDeps } from './ActivityDeps.js';
import type { DeployImageInput, DeployImageOutput } from './contracts.js';
import { findPipeline } from './findConfig.js';

/**
 * Points the target at the image by digest behind the restart fence (stop, configure, start:
 * see `AppServicePort.deployImage`), so that whatever answers on the target afterwards was
 * started with this image. Refuses (NonRetryableError) an image that is not pinned by digest
 * or comes from another registry or repository than the pipeline's source. Idempotent and
 * resumable: a no-op when the target runs the image; a retry after an interruption finishes
 * the steps left.
 */
export async function deployImage(
  deps: ActivityDeps,
  input: DeployImageInput,
): Promise<DeployImageOutput> {
  const source = findPipeline(deps.config, input.pipeline).source;
  const ref = parseImageRef(input.image);
  if (ref.digest === undefined) {
    throw new NonRetryableError(`image: expected registry/repository@sha256:…, got ${input.image}`);
  }
  if (ref.registry !== source.registry || ref.repository !== source.repository) {
    throw new NonRetryableError(
      `image: expected ${source.registry}/${source.repository}@…, got ${ref.registry}/${ref.repository}`,
    );
  }
  const { changed } = await deps.appService.deployImage(input.target, input.image);
  const slot = await deps.appService.getSlot(input.target);
  return { changed, hostName: slot.hostName };
}
