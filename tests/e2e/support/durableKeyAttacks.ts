/**
 * What an attacker who can read a durable status URL (the 202 body of POST /api/releases or
 * `links.status` of the release view) can reach with the system key it carries: the Durable
 * HTTP API's raise-event and start routes, and what the security e2e tests read afterwards
 * (ARM writes, how an instance ended, the audit calls in its history).
 */
import type { PipelineWorld } from './PipelineWorld.js';

/** The raise-event URL of `instanceId` for `event`, keyed like `statusQueryGetUri`. */
export function raiseEventUrl(
  statusQueryGetUri: string,
  instanceId: string,
  event: string,
): string {
  const url = new URL(statusQueryGetUri);
  url.pathname = url.pathname.replace(/\/instances\/[^/]+$/, `/instances/${instanceId}`);
  url.pathname += `/raiseEvent/${event}`;
  return url.toString();
}

/** The start URL of orchestrator `functionName` under `instanceId`, keyed like `statusQueryGetUri`. */
export function startUrl(
  statusQueryGetUri: string,
  functionName: string,
  instanceId: string,
): string {
  const url = new URL(statusQueryGetUri);
  url.pathname = url.pathname.replace(
    /\/instances\/[^/]+$/,
    `/orchestrators/${functionName}/${instanceId}`,
  );
  return url.toString();
}

/** POSTs `body` as JSON and returns the status code. */
export async function postJson(url: string, body: unknown): Promise<number> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  await res.arrayBuffer();
  return res.status;
}

/** ARM requests that changed something so far (deploys, config changes, swaps). */
export function armWrites(
  world: PipelineWorld,
): ReturnType<PipelineWorld['sandbox']['armRequests']> {
  return world.sandbox.armRequests().filter((r) => r.method !== 'GET');
}

/**
 * Waits until `instanceId` has ended (Completed, Failed or Terminated); returns its durable
 * status, the names of the activities it scheduled (sorted) and its history.
 */
export async function ended(world: PipelineWorld, instanceId: string) {
  const status = await world.host.waitFor(instanceId, (s) =>
    ['Completed', 'Failed', 'Terminated'].includes(s.runtimeStatus),
  );
  const history = (await world.host.history(instanceId)) ?? [];
  const scheduled = history
    .filter((e) => e['EventType'] === taskScheduled)
    .map((e) => String(e['Name']))
    .sort();
  return { status, scheduled, history };
}

/** The `recordAudit` calls in `history` (TaskScheduled events) that write audit type `type`. */
export function auditCalls(
  history: readonly Record<string, unknown>[],
  type: string,
): Record<string, unknown>[] {
  return history.filter(
    (e) =>
      e['EventType'] === taskScheduled &&
      e['Name'] === 'recordAudit' &&
      String(e['Input']).includes(type),
  );
}

/** DTFx `TaskScheduled` (history event type 4). */
const taskScheduled = 4;
