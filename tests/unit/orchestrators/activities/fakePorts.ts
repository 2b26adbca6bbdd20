/* eslint-disable @typescript-eslint/require-await -- in-memory fakes of async ports */
import { activeStatuses } from '../../../../src/activities/DurableOps.js';
import type { ActivityDeps, DurableOps, InstanceInfo } from '../../../../src/activities/index.js';
import type {
  AuditEvent,
  HookRequest,
  Notification,
  SiteRef,
  SlotState,
  SwapHandle,
} from '../../../../src/azure/ports/index.js';
import { MemoryClaimStore } from '../../support/MemoryClaimStore.js';
import { unusedPort } from '../../support/unusedPort.js';
import { testConfig } from '../support/fixtures.js';

/** In-memory App Service, probes, hooks, Slack and audit, recording every call. */
export function fakeDeps() {
  const slots = new Map<string, SlotState>();
  const key = (r: SiteRef) => `${r.site}/${r.slot ?? 'production'}`;
  const record = {
    deploys: [] as { ref: SiteRef; image: string }[],
    swaps: [] as string[],
    hookCalls: [] as { url: string; request: HookRequest }[],
    notifications: [] as { url: string; n: Notification }[],
    audit: [] as AuditEvent[],
  };
  const setSlot = (ref: SiteRef, image: string | undefined, state = 'Running') => {
    const digest = image?.split('@')[1];
    slots.set(key(ref), {
      name: ref.slot ?? 'production',
      ...(image === undefined ? {} : { image }),
      ...(digest === undefined ? {} : { digest }),
      state,
      hostName: `${ref.site}${ref.slot ? `-${ref.slot}` : ''}.azurewebsites.net`,
      url: `http://127.0.0.1:9/${key(ref)}`,
    });
  };
  let probeOk = true;
  let servedDigest: string | undefined;
  const claims = new MemoryClaimStore();
  const deps: ActivityDeps = {
    claims,
    metrics: unusedPort('metrics'),
    routing: unusedPort('routing'),
    slotMetrics: unusedPort('slotMetrics'),
    config: testConfig(),
    publicBaseUrl: 'https://slotpilot.test',
    appService: {
      getSlot: async (ref) => {
        const s = slots.get(key(ref));
        if (s === undefined) throw new Error(`no slot ${key(ref)}`);
        return s;
      },
      listSlots: async () => [...slots.values()],
      deployImage: async (ref, image) => {
        record.deploys.push({ ref, image });
        if (slots.get(key(ref))?.image === image) return { changed: false };
        setSlot(ref, image);
        return { changed: true };
      },
      beginSwap: async (site, slot): Promise<SwapHandle> => {
        record.swaps.push(`${site.site}/${slot}`);
        return { pollerState: '{}', site, slot };
      },
      pollSwap: async () => ({ status: 'succeeded' }),
    },
    probe: {
      // The app's version endpoint (expectBody) names `servedDigest`; nothing else names it.
      probe: async (_url, _path, options) => ({
        ok: probeOk,
        status: probeOk ? 200 : 503,
        latencyMs: 3,
        ...(options.expectBody !== undefined && {
          bodyMatches: servedDigest !== undefined && options.expectBody.includes(servedDigest),
        }),
        detail: probeOk ? '200 OK' : '503',
      }),
    },
    hooks: {
      call: async (url, request) => {
        record.hookCalls.push({ url, request });
        return { kind: 'running' };
      },
    },
    notifier: {
      notify: async (url, n) => {
        record.notifications.push({ url, n });
      },
    },
    audit: {
      append: async (e) => {
        if (!record.audit.some((x) => x.eventId === e.eventId)) record.audit.push(e);
      },
      putRelease: async () => undefined,
      getRelease: async () => undefined,
      events: async () => record.audit,
    },
  };
  return {
    deps,
    claims,
    record,
    setSlot,
    setProbe: (ok: boolean, served?: string) => {
      probeOk = ok;
      servedDigest = served;
    },
  };
}

/** In-memory durable client operations with the store's "one running instance per id" rule. */
export function fakeDurable() {
  const instances = new Map<string, InstanceInfo>();
  const raised: { instanceId: string; name: string; data: unknown }[] = [];
  /** Orchestrator name and creation time of instances (tests may set them for listActive). */
  const meta = new Map<string, { name: string; createdAt: string }>();
  const ops: DurableOps = {
    getInstance: async (id) => instances.get(id),
    startNew: async (_name, id, input) => {
      const current = instances.get(id);
      if (current !== undefined && current.runtimeStatus === 'Running')
        throw new Error('409 already running');
      instances.set(id, { runtimeStatus: 'Running', input, customStatus: null });
      meta.set(id, {
        name: _name,
        createdAt: new Date(Date.UTC(2026, 0, 1) + meta.size).toISOString(),
      });
    },
    listActive: async (name) =>
      [...instances]
        .filter(
          ([id, i]) => activeStatuses.has(i.runtimeStatus) && (meta.get(id)?.name ?? name) === name,
        )
        .map(([id, i]) => ({
          ...i,
          instanceId: id,
          createdAt: meta.get(id)?.createdAt ?? new Date(0).toISOString(),
        })),
    terminate: async (instanceId, reason) => {
      raised.push({ instanceId, name: 'terminate', data: reason });
    },
    raiseEvent: async (instanceId, name, data) => {
      raised.push({ instanceId, name, data });
    },
  };
  return { ops, instances, raised, meta };
}
