import type { Notification } from '../../azure/ports/index.js';
import { consoleReleaseUrl } from '../../domain/release/index.js';
import type { ActivityDeps } from '../ActivityDeps.js';
import type { NotifyRollbackInput } from './contracts.js';
import { findPipelineConfig } from './findMonitorConfig.js';
import { rollbackMessage } from './rollbackMessage.js';

/**
 * Sends the critical Slack message of a rollback (or of a rollback that could not happen)
 * with its evidence and timestamps: to the pipeline's channel and, when configured, to its
 * critical channel. Sent once per release and outcome (the key dedupes retries).
 */
export async function notifyRollback(
  deps: ActivityDeps,
  input: NotifyRollbackInput,
): Promise<null> {
  const target = findPipelineConfig(deps.config, input.pipeline).notify;
  if (target === undefined) return null;
  const notification: Notification = {
    key: `${input.releaseId}:rollback:${input.outcome}`,
    pipeline: input.pipeline,
    releaseId: input.releaseId,
    stage: input.stage,
    outcome: input.outcome === 'rolledBack' ? 'rolled back' : 'rollback failed',
    severity: 'critical',
    image: input.image,
    text: rollbackMessage(input),
    links: { release: consoleReleaseUrl(deps.publicBaseUrl, input.releaseId) },
  };
  await deps.notifier.notify(target.slack, notification);
  if (target.critical !== undefined) {
    await deps.notifier.notify(target.critical, {
      ...notification,
      key: `${notification.key}:critical`,
    });
  }
  return null;
}
