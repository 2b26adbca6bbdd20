import type { DurableClient } from 'durable-functions';

import { orchestratorNames, stageInstanceId } from '../../domain/release/index.js';
import {
  buildReleaseView,
  readCustomStatus,
  readReleaseInput,
  type ReleaseInputFacts,
  type ReleaseView,
  stageInProgress,
} from '../../domain/view/index.js';
import { NotFoundError } from '../http/ApiError.js';
import { releaseLinks } from './releaseLinks.js';
import { tryGetStatus } from './tryGetStatus.js';

/** A release view together with the plan snapshot from its input (for the policies). */
export interface LoadedRelease {
  view: ReleaseView;
  input: ReleaseInputFacts;
}

/**
 * Reads a release (its `releasePipeline` instance and, when present, the sub-orchestration of
 * the stage in progress, the `${id}-monitor` sub-orchestration and the `${id}-rollback`
 * orchestration) and assembles its view. Read-only. Throws NotFoundError (404) for an unknown
 * id or an instance that is not a release.
 */
export async function loadReleaseView(
  client: DurableClient,
  id: string,
  origin: string,
): Promise<LoadedRelease> {
  const release = await tryGetStatus(client, id);
  if (release?.name !== orchestratorNames.release) {
    throw new NotFoundError(`No release with id ${id}.`);
  }
  const running = stageInProgress(readCustomStatus(release.customStatus));
  const [stage, monitor, rollback, canary] = await Promise.all([
    running === undefined ? undefined : tryGetStatus(client, stageInstanceId(id, running)),
    tryGetStatus(client, `${id}-monitor`),
    tryGetStatus(client, `${id}-rollback`),
    tryGetStatus(client, `${id}-canary`),
  ]);
  const view = buildReleaseView({
    release,
    ...(stage === undefined ? {} : { stage }),
    ...(monitor === undefined ? {} : { monitor }),
    ...(rollback === undefined ? {} : { rollback }),
    ...(canary === undefined ? {} : { canary }),
    links: releaseLinks(origin, id),
  });
  return { view, input: readReleaseInput(release.input, id) };
}
