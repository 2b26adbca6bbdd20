import { consoleReleaseUrl } from '../domain/release/index.js';
import type { ActivityDeps } from './ActivityDeps.js';
import type { NotifyInput } from './contracts.js';
import { findPipeline } from './findConfig.js';

/**
 * Sends one Slack message to the pipeline's webhook (critical ones to the critical webhook
 * too). A pipeline without `notify` sends nothing. Deduplicated by `key`.
 */
export async function notify(deps: ActivityDeps, input: NotifyInput): Promise<null> {
  const target = findPipeline(deps.config, input.pipeline).notify;
  if (target === undefined) return null;
  // People click through to the release's console page, which has the approval form; the
  // API's approve endpoint (a keyed POST, which a click cannot send) is named for scripts.
  const release = consoleReleaseUrl(deps.publicBaseUrl, input.releaseId);
  const approve = `${deps.publicBaseUrl}/api/releases/${input.releaseId}/approve`;
  const message = {
    key: input.key,
    pipeline: input.pipeline,
    releaseId: input.releaseId,
    ...(input.stage === undefined ? {} : { stage: input.stage }),
    outcome: input.outcome,
    severity: input.severity,
    image: input.image,
    text: input.text,
    links: input.outcome === 'waiting for approval' ? { release, approve } : { release },
  };
  await deps.notifier.notify(target.slack, message);
  if (input.severity === 'critical' && target.critical !== undefined) {
    await deps.notifier.notify(target.critical, { ...message, key: `${input.key}:critical` });
  }
  return null;
}
