import { formatImageRef, parseImageRef } from '../../domain/images/index.js';
import type { ApiDeps } from '../ApiDeps.js';
import { releaseStatusUrl } from '../durable/releaseLinks.js';
import { startRelease } from '../durable/startRelease.js';
import { accepted } from '../http/accepted.js';
import { ConflictError } from '../http/ApiError.js';
import { identifyCaller } from '../http/identifyCaller.js';
import { readBody } from '../http/readBody.js';
import { requestBodies } from '../http/requestBodies.js';
import type { ClientHttpHandler } from '../http/withProblems.js';
import { requestOrigin } from './requestOrigin.js';
import { resolveStartImage } from './resolveStartImage.js';

/**
 * `POST /api/releases {image, pipeline?}`: starts a release by hand. The image is
 * `registry/repo:tag`, `registry/repo@sha256:…` or `registry/repo:tag@sha256:…`. A bare tag is
 * checked against the pipelines' config first, then resolved once in the registry (the release
 * deploys that digest and shows the tag); a digest is used as given. 202 with `Location`,
 * `Retry-After` and `{id, statusQueryGetUri}` (Slotpilot's status URL, see `accepted`); 400 `image` for a tag the registry does not know (or one the pipeline's
 * tag filter excludes); 503 + Retry-After when the registry is throttled or unreachable; 502
 * when it refuses Slotpilot's identity; 409 when that pipeline already has a release of that
 * digest. The release records the caller's identity (or `function-key` when none was sent) as
 * `requestedBy`, who may then not approve it.
 */
export function startReleaseHandler(deps: ApiDeps): ClientHttpHandler {
  return async (request, client, context) => {
    const requestedBy = await identifyCaller(request.headers, deps.identity);
    const body = await readBody(() => request.text(), requestBodies.startRelease);
    const ref = parseImageRef(body.image);
    const { pipeline, image, resolved } = await resolveStartImage(
      deps.config,
      deps.registry,
      ref,
      body.pipeline,
    );
    const outcome = await startRelease(client, { pipeline, image, requestedBy, now: new Date() });
    if (outcome.kind === 'exists') {
      throw new ConflictError(
        `Pipeline ${pipeline.name} already has a release of ${image.digest}: ${outcome.releaseId} (${outcome.runtimeStatus}).`,
        {
          releaseId: outcome.releaseId,
          release: releaseStatusUrl(requestOrigin(request.url), outcome.releaseId),
        },
      );
    }
    context.log(
      `release ${outcome.releaseId} started by ${requestedBy} for ${formatImageRef(image)}` +
        (resolved ? ' (tag resolved in the registry)' : ''),
    );
    return accepted(requestOrigin(request.url), outcome.releaseId);
  };
}
