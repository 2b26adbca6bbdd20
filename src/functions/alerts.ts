import type { DurableClient, OrchestrationFilter } from 'durable-functions';
import * as df from 'durable-functions';

import { canaryInstanceId } from '../domain/canary/index.js';
import type { SlotpilotConfig } from '../domain/config/index.js';
import { describeValue } from '../domain/describeValue.js';
import { ValidationError } from '../domain/errors.js';
import { type AlertAuthSettings, checkAlertCaller } from '../domain/identity/checkAlertCaller.js';
import type { IdentitySettings } from '../domain/identity/index.js';
import {
  decideAlertRollback,
  type MonitorInput,
  monitorInstanceId,
  monitorOrchestratorNames,
  parseAlertPush,
} from '../domain/monitor/index.js';
import { releaseEvents } from '../domain/release/index.js';
import { activeCanaries } from './durable/activeCanaries.js';
import { releaseStatusUrl } from './durable/releaseLinks.js';
import { accepted } from './http/accepted.js';
import { UnauthorizedError } from './http/ApiError.js';
import { json } from './http/json.js';
import { type ClientHttpHandler, withProblems } from './http/withProblems.js';
import { requestOrigin } from './releases/requestOrigin.js';

/** What the alerts route needs (built once by the composition root). */
export interface AlertDeps {
  /** Whether App Service Authentication is on (its headers are trusted only then). */
  identity: Pick<IdentitySettings, 'platformAuthEnabled'>;
  /** Lets an alert on the App Insights component match the releases it monitors. */
  config?: SlotpilotConfig;
  /** Secure-webhook checks of `POST /api/alerts` (none: the alerts function's key alone). */
  alerts?: Omit<AlertAuthSettings, 'platformAuthEnabled'>;
}

/**
 * Registers `POST /api/alerts` (alert push → immediate rollback of the matching releases in
 * their window or canary). It needs the alerts function's own key and never an identity
 * (Azure Monitor has none: see {@link alertsHandler}). Manual rollback and resume are
 * registered by `registerRecoveryFunctions` (functions/recovery/).
 */
export function registerAlertFunctions(deps: AlertDeps): void {
  df.app.client.http('alertPush', {
    methods: ['POST'],
    route: 'alerts',
    authLevel: 'function',
    handler: withProblems(alertsHandler(deps)),
  });
}

/**
 * `POST /api/alerts`: the Azure Monitor common alert schema or `{pipeline, reason}`, sent by
 * an action group to a URL holding the alerts function's key (`?code=`), optionally as a
 * secure webhook (`deps.alerts`); a user's bearer token or principal is not how it
 * authenticates, and does not help. Raises `rollback` on every monitor in its window whose
 * release the alert is about (full resource id or pipeline), so it rolls back at once,
 * without waiting for a tick. 202 with the releases it reached, `Location` and `Retry-After`
 * naming the first one's status URL (none is still 202, without `Location`: the alert
 * is acknowledged); a resolved alert is acknowledged and ignored.
 */
export function alertsHandler(deps: AlertDeps): ClientHttpHandler {
  return async (request, client, context) => {
    const caller = checkAlertCaller((name) => request.headers.get(name), {
      ...deps.alerts,
      platformAuthEnabled: deps.identity.platformAuthEnabled,
    });
    if (caller.kind === 'refused')
      throw new UnauthorizedError(`Alert not accepted: ${caller.reason}.`);
    const alert = parseAlertPush(await readJson(request.text()));
    if (alert.kind === 'ignored') return json(202, { ignored: alert.reason, releases: [] });
    const { monitors, canaries, rollback } = decideAlertRollback(
      alert,
      caller.by,
      new Date().toISOString(),
      { monitors: await activeMonitors(client), canaries: await activeCanaries(client) },
      deps.config,
    );
    await Promise.all([
      ...monitors.map((id) =>
        client.raiseEvent(monitorInstanceId(id), releaseEvents.rollback, rollback),
      ),
      ...canaries.map((id) =>
        client.raiseEvent(canaryInstanceId(id), releaseEvents.rollback, rollback),
      ),
    ]);
    const releases = [...monitors, ...canaries];
    context.log(
      `alert from ${caller.by}: ${alert.reason} → rollback ${releases.join(', ') || 'none'}`,
    );
    const [first] = releases;
    if (first === undefined) return json(202, { releases, reason: alert.reason });
    // Location names the first release it reached; `statusQueryGetUris` names each of them.
    const origin = requestOrigin(request.url);
    return accepted(origin, first, {
      releases,
      reason: alert.reason,
      statusQueryGetUris: releases.map((id) => releaseStatusUrl(origin, id)),
    });
  };
}

/** Inputs of every monitor in its window (running, or between two executions). */
async function activeMonitors(client: DurableClient): Promise<MonitorInput[]> {
  const filter: OrchestrationFilter & { showInput: boolean } = {
    showInput: true,
    runtimeStatus: ['Running', 'Pending', 'ContinuedAsNew'] as OrchestrationFilter['runtimeStatus'],
  };
  const statuses = await client.getStatusBy(filter);
  return statuses
    .filter((s) => s.name === monitorOrchestratorNames.monitor && isMonitorInput(s.input))
    .map((s) => s.input as MonitorInput);
}

function isMonitorInput(value: unknown): value is MonitorInput {
  const v = value as Partial<MonitorInput> | null;
  return typeof v?.releaseId === 'string' && typeof v.site?.site === 'string';
}

async function readJson(text: Promise<string>): Promise<unknown> {
  const raw = await text;
  try {
    return JSON.parse(raw);
  } catch {
    throw new ValidationError('(body)', 'a JSON object', describeValue(raw.slice(0, 40)));
  }
}

/** Secure-webhook settings of the alerts route from app settings (unset: key only). */
export function alertAuthFromEnv(
  env: Record<string, string | undefined>,
): Omit<AlertAuthSettings, 'platformAuthEnabled'> {
  const audience = env.SLOTPILOT_ALERTS_AUDIENCE?.trim();
  const appId = env.SLOTPILOT_ALERTS_APP_ID?.trim();
  return {
    ...(audience !== undefined && audience !== '' && { audience }),
    ...(appId !== undefined && appId !== '' && { appId }),
  };
}
