import { consoleReleaseUrl } from '../../domain/release/index.js';
import type { ActivityDeps } from '../ActivityDeps.js';
import type { PageRollbackInput } from './contracts.js';
import { findPipelineConfig } from './findMonitorConfig.js';

/**
 * Pages the pipeline's critical channel (its channel when it has none) that a rollback is
 * held up and still being retried: since when, how many attempts failed, the last error, and
 * the `az` command that swaps back by hand. One message per page number (the key dedupes
 * retries); the orchestrator decides the pace.
 */
export async function pageRollback(deps: ActivityDeps, input: PageRollbackInput): Promise<null> {
  const target = findPipelineConfig(deps.config, input.pipeline).notify;
  if (target === undefined) return null;
  const text = [
    `ROLLBACK HELD UP for ${input.pipeline} ${input.stage}: production still runs the release being rolled back.`,
    `Slotpilot keeps retrying: ${input.failures} attempt(s) failed since ${input.since}. Last error: ${input.error}`,
    `To swap back by hand instead, run: ${input.command}`,
  ].join('\n');
  await deps.notifier.notify(target.critical ?? target.slack, {
    key: `${input.releaseId}:rollback:held-up:${input.page}`,
    pipeline: input.pipeline,
    releaseId: input.releaseId,
    stage: input.stage,
    outcome: 'rollback retrying',
    severity: 'critical',
    image: input.image,
    text,
    links: { release: consoleReleaseUrl(deps.publicBaseUrl, input.releaseId) },
  });
  return null;
}
