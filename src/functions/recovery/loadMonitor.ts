import type { DurableClient, DurableOrchestrationStatus } from 'durable-functions';

import { type MonitorInput, monitorInstanceId } from '../../domain/monitor/index.js';
import { tryGetStatus } from '../durable/tryGetStatus.js';
import { ConflictError } from '../http/ApiError.js';

/** Runtime statuses of an orchestration that is still going. */
export const liveStatuses: ReadonlySet<string> = new Set(['Running', 'Pending', 'ContinuedAsNew']);

/** The release's monitor status with its input; 409 when it was never swapped into production. */
export async function loadMonitor(
  client: DurableClient,
  releaseId: string,
): Promise<DurableOrchestrationStatus & { input: MonitorInput }> {
  const monitor = await tryGetStatus(client, monitorInstanceId(releaseId));
  if (monitor === undefined || !isMonitorInput(monitor.input)) {
    throw new ConflictError(
      `Nothing to roll back: release ${releaseId} was not swapped into production.`,
    );
  }
  return monitor as DurableOrchestrationStatus & { input: MonitorInput };
}

/** When the monitored run swapped (its input's `swappedAt`): names that run's decisions. */
export function swapOf(monitor: { input: MonitorInput }): string {
  const { swappedAt } = monitor.input as Partial<MonitorInput>;
  return typeof swappedAt === 'string' && swappedAt !== '' ? swappedAt : 'unknown';
}

/** The `waitingForDecision.since` of a monitor paused for a decision, else undefined. */
export function pausedSince(monitor: DurableOrchestrationStatus): string | undefined {
  const custom = monitor.customStatus as { waitingForDecision?: { since?: unknown } } | null;
  const since = custom?.waitingForDecision?.since;
  return typeof since === 'string' ? since : undefined;
}

function isMonitorInput(value: unknown): value is MonitorInput {
  return typeof value === 'object' && value !== null;
}
