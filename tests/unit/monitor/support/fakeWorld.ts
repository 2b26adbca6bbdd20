/* eslint-disable @typescript-eslint/require-await -- in-memory fakes of async ports */
import type { ActivityDeps } from '../../../../src/activities/index.js';
import type {
  AuditEvent,
  Notification,
  RequestStats,
  SiteRef,
  SlotState,
} from '../../../../src/azure/ports/index.js';
import { parseConfig } from '../../../../src/domain/config/index.js';
import { RetryAfterError } from '../../../../src/domain/errors.js';
import type { MonitorInput, MonitorPlan } from '../../../../src/domain/monitor/contract.js';
import { fakeStartMs } from '../../support/durable/fakeTime.js';
import { unusedPort } from '../../support/unusedPort.js';

export const previousDigest = `sha256:${'01'.repeat(32)}`;
export const newDigest = `sha256:${'ab'.repeat(32)}`;
export const otherDigest = `sha256:${'ee'.repeat(32)}`;

const configYaml = `
pipelines:
  - name: pwbi-api
    source: { registry: pwbiregistry.azurecr.io, repository: pwbi-api }
    notify: { slack: '%SLACK%', critical: '%SLACK_CRITICAL%' }
    stages:
      - name: production
        target: { subscription: sub-1, resourceGroup: pwbi-prod, site: pwbi-api-prod, slot: staging }
        monitor: { duration: 1h, interval: 1m, appInsights: '%AI%' }
`;
const settings = {
  SLACK: 'https://slack.test/releases',
  SLACK_CRITICAL: 'https://slack.test/critical',
  AI: '/subscriptions/sub-1/resourceGroups/pwbi-prod/providers/Microsoft.Insights/components/ai',
};

/** The monitor plan of the fixture (1 h at 1 min, 5 min lookback, 2 min ingestion delay). */
export function plan(over: Partial<MonitorPlan> = {}): MonitorPlan {
  return {
    durationMs: 3_600_000,
    intervalMs: 60_000,
    lookbackMs: 300_000,
    ingestionDelayMs: 120_000,
    table: 'AppRequests',
    thresholds: { errorRate: 0.01, p95Ms: 2000, minRequests: 50 },
    failureLimit: 1,
    inconclusive: 'continue',
    health: { path: '/health', timeoutMs: 10_000 },
    ...over,
  };
}

/** A monitor input swapped at the fake's start. */
export function monitorInput(over: Partial<MonitorInput> = {}): MonitorInput {
  return {
    releaseId: 'rel-1',
    pipeline: 'pwbi-api',
    stage: 'production',
    plan: plan(),
    site: { subscription: 'sub-1', resourceGroup: 'pwbi-prod', site: 'pwbi-api-prod' },
    slot: 'staging',
    hostNames: ['pwbi-api-prod.azurewebsites.net'],
    swappedAt: new Date(fakeStartMs).toISOString(),
    previousDigest,
    newDigest,
    image: `pwbiregistry.azurecr.io/pwbi-api@${newDigest}`,
    ...over,
  };
}

/** What production looks like over virtual time (ms since swap → behaviour). */
export interface Behaviour {
  /** Request stats of a query window (default: 600 healthy requests). */
  stats?: (fromMs: number, toMs: number) => RequestStats;
  /** Health at a time of the digest production runs (default healthy). */
  healthy?: (atMs: number, digest: string) => boolean;
  /** Throw from the query (e.g. 429) for this call number (1-based). */
  queryFails?: (call: number) => Error | undefined;
  /** Polls a swap takes before it succeeds (default 1). */
  swapPolls?: number;
}

/** In-memory App Service, probe, Logs, Slack and audit, with a record of every effect. */
export function fakeWorld(behaviour: Behaviour = {}) {
  let elapsedMs = 0;
  const slots = new Map<string, string>([
    ['production', newDigest],
    ['staging', previousDigest],
  ]);
  const record = {
    swaps: 0,
    queries: [] as { fromIso: string; toIso: string }[],
    probes: 0,
    notifications: [] as { url: string; n: Notification }[],
    audit: new Map<string, AuditEvent>(),
    records: new Map<string, Record<string, unknown>>(),
  };
  let swapPollsLeft = 0;
  const slotState = (ref: SiteRef): SlotState => {
    const name = ref.slot ?? 'production';
    const digest = slots.get(name);
    return {
      name,
      ...(digest !== undefined && { image: `pwbiregistry.azurecr.io/pwbi-api@${digest}`, digest }),
      state: 'Running',
      hostName: `${ref.site}${ref.slot === undefined ? '' : `-${ref.slot}`}.azurewebsites.net`,
      url: `http://127.0.0.1:9/${name}`,
    };
  };
  const deps: ActivityDeps = {
    hooks: unusedPort('hooks'),
    claims: unusedPort('claims'),
    routing: unusedPort('routing'),
    slotMetrics: unusedPort('slotMetrics'),
    config: parseConfig(configYaml, { settings, localMode: false }),
    publicBaseUrl: 'https://slotpilot.test',
    appService: {
      getSlot: async (ref) => slotState(ref),
      listSlots: async (ref) => [slotState(ref), slotState({ ...ref, slot: 'staging' })],
      deployImage: async (ref, image) => {
        slots.set(ref.slot ?? 'production', image.split('@')[1] ?? '');
        return { changed: true };
      },
      beginSwap: async (site, slot) => {
        record.swaps += 1;
        swapPollsLeft = behaviour.swapPolls ?? 1;
        return { pollerState: `swap-${record.swaps}`, site, slot };
      },
      pollSwap: async () => {
        swapPollsLeft -= 1;
        if (swapPollsLeft > 0) return { status: 'running' };
        const prod = slots.get('production');
        slots.set('production', slots.get('staging') ?? '');
        slots.set('staging', prod ?? '');
        swapPollsLeft = Number.POSITIVE_INFINITY; // a finished swap stays finished
        return { status: 'succeeded' };
      },
    },
    probe: {
      probe: async () => {
        record.probes += 1;
        const ok = behaviour.healthy?.(elapsedMs, slots.get('production') ?? '') ?? true;
        return {
          ok,
          status: ok ? 200 : 503,
          latencyMs: 3,
          detail: ok ? '200 OK' : '503 Service Unavailable',
        };
      },
    },
    metrics: {
      requestStats: async (q) => {
        record.queries.push({ fromIso: q.fromIso, toIso: q.toIso });
        const failure = behaviour.queryFails?.(record.queries.length);
        if (failure !== undefined) throw failure;
        const from = Date.parse(q.fromIso) - fakeStartMs;
        const to = Date.parse(q.toIso) - fakeStartMs;
        return (
          behaviour.stats?.(from, to) ?? {
            from: q.fromIso,
            to: q.toIso,
            requests: 600,
            failed: 1,
            serverErrors: 1,
            p95Ms: 180,
          }
        );
      },
    },
    notifier: {
      notify: async (url, n) => {
        record.notifications.push({ url, n });
      },
    },
    audit: {
      append: async (e) => {
        if (!record.audit.has(e.eventId)) record.audit.set(e.eventId, e);
      },
      putRelease: async (id, r) => {
        record.records.set(id, structuredClone(r));
      },
      getRelease: async (id) => record.records.get(id),
      events: async () => [...record.audit.values()],
      // Monitoring never starts a top-level orchestration; the port is complete all the same.
    },
  };
  return {
    deps,
    record,
    slots,
    /** Tell the world what virtual time it is (ms since the swap). */
    setElapsed: (ms: number) => {
      elapsedMs = ms;
    },
  };
}

/** A 429 as the Logs adapter throws it. */
export const throttled = () => new RetryAfterError('Logs query: 429 Too Many Requests', 1_000);

/** Stats with `errors` 5xx out of `requests`, p95 `p95Ms`. */
export function statsOf(requests: number, errors: number, p95Ms = 200): RequestStats {
  return { from: '', to: '', requests, failed: errors, serverErrors: errors, p95Ms };
}
