import { ValidationError } from '../../domain/errors.js';
import { formatImageRef, parseImageRef } from '../../domain/images/index.js';
import type { ApiDeps } from '../ApiDeps.js';
import { startRelease } from '../durable/startRelease.js';
import { ConflictError } from '../http/ApiError.js';
import { identifyCaller } from '../http/identifyCaller.js';
import { readBody } from '../http/readBody.js';
import type { ClientHttpHandler } from '../http/withProblems.js';
import { requestOrigin } from './requestOrigin.js';
import { resolvePipeline } from './resolvePipeline.js';

/**
 * `POST /api/releases {image, pipeline?}`: starts a release by hand. The image must carry
 * its digest (`registry/repo:tag@sha256:…` or `registry/repo@sha256:…`): Slotpilot deploys
 * by digest and does not resolve tags against the registry. 202 with the durable
 * check-status body; 409 when that pipeline already has a release of that digest. The
 * release records the caller's identity (or `function-key` when none was sent) as
 * `requestedBy`, who may then not approve it.
 */
export function startReleaseHandler(deps: ApiDeps): ClientHttpHandler {
  return async (request, client, context) => {
    const requestedBy = await identifyCaller(request.headers, deps.identity);
    const body = await readBody(() => request.text(), {
      image: { required: true, maxLength: 512 },
      pipeline: { required: false, maxLength: 100 },
    });
    const ref = parseImageRef(body.image);
    if (ref.digest === undefined) {
      throw new ValidationError(
        'image',
        'an image with its digest, registry/repository:tag@sha256:<64 hex> or registry/repository@sha256:<64 hex> (Slotpilot deploys by digest and does not look tags up)',
        JSON.stringify(body.image),
      );
    }
    const pipeline = resolvePipeline(deps.config, ref, body.pipeline);
    const outcome = await startRelease(
      client,
      pipeline,
      { ...ref, digest: ref.digest },
      requestedBy,
      deps.identity.signingKey,
    );
    if (outcome.kind === 'exists') {
      throw new ConflictError(
        `Pipeline ${pipeline.name} already has a release of ${ref.digest}: ${outcome.releaseId} (${outcome.runtimeStatus}).`,
        {
          releaseId: outcome.releaseId,
          release: `${requestOrigin(request.url)}/api/releases/${outcome.releaseId}`,
        },
      );
    }
    context.log(
      `release ${outcome.releaseId} started by ${requestedBy} for ${formatImageRef(ref)}` +
        (outcome.superseded.length > 0 ? `; superseding ${outcome.superseded.join(', ')}` : ''),
    );
    return client.createCheckStatusResponse(request, outcome.releaseId);
  };
}
