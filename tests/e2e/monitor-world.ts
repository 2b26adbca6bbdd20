/**
 * Given/When/Then helpers for the monitoring e2e files (monitor-*.test.ts): a pipeline world
 * with production monitoring on, a release driven to production, and reads of the monitor
 * sub-orchestration. Acts only through the API, the sandbox and the dev host.
 */
import { readFileSync } from 'node:fs';

import { parse } from 'yaml';

import type { InstanceStatus } from '../../devhost/index.js';
import { defaultScenarioPath } from '../../sandbox/index.js';
import type { MonitorResult } from '../../src/domain/monitor/contract.js';
import type { MonitorStatus } from '../../src/orchestrators/monitor/index.js';
import type { ConfigDoc } from './support/pipelineConfig.js';
import { PipelineWorld, users, type WorldOptions } from './support/PipelineWorld.js';

export { PipelineWorld, users };
export const minuteMs = 60_000;

/** Monitor settings to merge over slotpilot.yaml's production monitor. */
export type MonitorEdit = Record<string, unknown>;

/** Starts a world whose production stage monitors with `monitor` merged in. */
export function startMonitorWorld(
  monitor: MonitorEdit = {},
  options: Omit<WorldOptions, 'config'> = {},
): Promise<PipelineWorld> {
  return PipelineWorld.start({
    ...options,
    config: {
      monitor: true,
      edit: (doc: ConfigDoc) => {
        for (const stage of doc.pipelines[0]?.stages ?? []) {
          if (stage.monitor !== undefined) {
            stage.monitor = { ...(stage.monitor as Record<string, unknown>), ...monitor };
          }
        }
      },
    },
  });
}

/** Then: runs time until the monitor's status satisfies `predicate` (or it ended). */
export async function untilMonitor(
  world: PipelineWorld,
  releaseId: string,
  predicate: (s: MonitorStatus, raw: InstanceStatus) => boolean,
  maxVirtualMs = 3 * 3_600_000,
): Promise<InstanceStatus> {
  const id = `${releaseId}-monitor`;
  const ended = (raw: InstanceStatus) =>
    ['Completed', 'Failed', 'Terminated'].includes(raw.runtimeStatus);
  // The monitor exists only once production was swapped; time runs until it does.
  return world.host.waitFor(
    id,
    (raw) =>
      ended(raw) ||
      (raw.customStatus !== null &&
        raw.customStatus !== undefined &&
        predicate(raw.customStatus as MonitorStatus, raw)),
    { maxVirtualMs, realTimeoutMs: 30_000 },
  );
}

/** Then: the monitor's result once it completed. */
export async function monitorResult(
  world: PipelineWorld,
  releaseId: string,
): Promise<MonitorResult> {
  const raw = await untilMonitor(world, releaseId, () => false);
  if (raw.runtimeStatus !== 'Completed') {
    throw new Error(`monitor ${releaseId}: ${raw.runtimeStatus} ${JSON.stringify(raw.output)}`);
  }
  return raw.output as MonitorResult;
}

/** Then: the monitor's current status (undefined before the swap). */
export async function monitorStatus(
  world: PipelineWorld,
  releaseId: string,
): Promise<InstanceStatus | undefined> {
  return world.host.getStatus(`${releaseId}-monitor`);
}

/** Slack messages (as text) that mention rolling back. */
export function rollbackMessages(world: PipelineWorld): string[] {
  return world.sandbox
    .slackMessages()
    .map((m) => JSON.stringify(m))
    .filter((t) => /rolled back|ROLLBACK FAILED/i.test(t));
}

/** Scenario override: production gets `requestsPerSecond` of traffic (low traffic tests). */
export function productionTraffic(requestsPerSecond: number): Record<string, unknown> {
  const base = parse(readFileSync(defaultScenarioPath, 'utf8')) as {
    sites: { name: string; requestsPerSecond?: number }[];
  };
  return {
    sites: base.sites.map((s) => (s.name === 'pwbi-api-prod' ? { ...s, requestsPerSecond } : s)),
  };
}
