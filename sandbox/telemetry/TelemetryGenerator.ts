import { sampleRequest, servingAt } from '../apps/appBehaviourAt.js';
import { chooseServingSlot } from '../apps/chooseServingSlot.js';
import type { SiteModel, SlotModel } from '../model/SlotModel.js';
import type { World } from '../model/World.js';
import { createRng, seedOf } from '../util/createRng.js';
import type { RequestRecord } from './RequestRecord.js';

const MAX_CACHED_MINUTES = 2_000;
const MINUTE = 60_000;

function lastAtOrBefore<T extends { from: number }>(list: readonly T[], t: number): T | undefined {
  let found: T | undefined;
  for (const e of list) {
    if (e.from <= t) found = e;
    else break;
  }
  return found;
}

/**
 * Simulated request telemetry, generated deterministically (seeded per host and second) from
 * the timeline of what each slot ran and how production traffic was routed at that moment.
 * Past seconds never change, so they are cached (bounded); a request from a slot that was not
 * running (starting, crashed, stopped) leaves no row, as an app that is down sends nothing;
 * while a new image starts on a running slot, the previous container's requests are recorded.
 */
export class TelemetryGenerator {
  private readonly cache = new Map<string, RequestRecord[]>();

  constructor(
    private readonly world: World,
    /** No telemetry exists before this time (epoch ms). */
    readonly horizonMs: number,
    private readonly ingestionDelayMs: number,
    private readonly paths: readonly string[],
  ) {}

  /** Requests recorded by `component` with `from <= t < to` (t capped at now). */
  records(component: string, resourceId: string, from: number, to: number): RequestRecord[] {
    const now = this.world.clock.now();
    const start = Math.max(from, this.horizonMs);
    const end = Math.min(to, now);
    const out: RequestRecord[] = [];
    if (end <= start) return out;
    for (const site of this.world.sites) {
      if (site.appInsights?.toLowerCase() !== component.toLowerCase()) continue;
      for (const source of [site.production, ...site.slots.values()]) {
        const rate =
          source === site.production ? site.production.requestsPerSecond : source.requestsPerSecond;
        if (rate <= 0) continue;
        for (let min = Math.floor(start / MINUTE); min * MINUTE < end; min++) {
          const chunk = this.minute(site, source, rate, min, resourceId, now);
          const whole = min * MINUTE >= start && (min + 1) * MINUTE <= end;
          for (const r of chunk) if (whole || (r.t >= start && r.t < end)) out.push(r);
        }
      }
    }
    return out;
  }

  /**
   * Requests `slot` of `site` served with `from <= t < to` (t capped at now), whichever host
   * name they were addressed to: its own, or production's when a routing rule sent them there.
   * What App Service platform metrics of the slot resource count.
   */
  servedBy(site: SiteModel, slot: SlotModel, from: number, to: number): RequestRecord[] {
    const now = this.world.clock.now();
    const start = Math.max(from, this.horizonMs);
    const end = Math.min(to, now);
    const out: RequestRecord[] = [];
    if (end <= start) return out;
    for (const source of [site.production, ...site.slots.values()]) {
      if (source.requestsPerSecond <= 0) continue;
      for (let min = Math.floor(start / MINUTE); min * MINUTE < end; min++) {
        for (const r of this.minute(site, source, source.requestsPerSecond, min, '', now)) {
          if (r.servedBy === slot.name && r.t >= start && r.t < end) out.push(r);
        }
      }
    }
    return out;
  }

  private minute(
    site: SiteModel,
    source: SlotModel,
    rate: number,
    min: number,
    resourceId: string,
    now: number,
  ): RequestRecord[] {
    const key = `${source.hostName}|${min}|${resourceId}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const records: RequestRecord[] = [];
    const first = Math.max(min * 60, Math.floor(this.horizonMs / 1000));
    for (let sec = first; sec < (min + 1) * 60 && sec * 1000 < now; sec++) {
      for (const r of this.generate(site, source, rate, sec, resourceId)) records.push(r);
    }
    if ((min + 1) * MINUTE <= now) {
      this.cache.set(key, records);
      if (this.cache.size > MAX_CACHED_MINUTES) {
        const oldest = this.cache.keys().next().value;
        if (oldest !== undefined) this.cache.delete(oldest);
      }
    }
    return records;
  }

  private generate(
    site: SiteModel,
    source: SlotModel,
    rate: number,
    sec: number,
    resourceId: string,
  ): RequestRecord[] {
    const rng = createRng(seedOf(`${this.world.scenario.seed}|${source.hostName}|${sec}`));
    const whole = Math.floor(rate);
    const n = whole + (rng.next() < rate - whole ? 1 : 0);
    const out: RequestRecord[] = [];
    for (let j = 0; j < n; j++) {
      const t = sec * 1000 + Math.floor(rng.next() * 1000);
      const roll = rng.next() * 100;
      const path = this.paths[Math.floor(rng.next() * this.paths.length)] ?? '/';
      let serving = source;
      if (source === site.production) {
        serving = chooseServingSlot(site, lastAtOrBefore(site.routing, t)?.rules ?? [], roll);
      }
      const entry = lastAtOrBefore(serving.timeline, t);
      const { deployment: d, state } = servingAt(
        entry?.deployment,
        t,
        this.world.startupMs,
        entry?.stopped ?? false,
      );
      const sample = sampleRequest(d?.profile ?? { kind: 'healthy' }, state, rng);
      if (d === undefined || (state !== 'Running' && state !== 'Unhealthy')) continue;
      const instance = seedOf(`${d.digest ?? ''}|${d.startedAt}|${serving.siteName}`)
        .toString(16)
        .padStart(8, '0');
      out.push({
        t,
        ingest: t + this.ingestionDelayMs,
        id: `${sec.toString(16)}${j.toString(16).padStart(4, '0')}${instance}`,
        // Users come through the site's custom domain when it has one.
        url: `https://${source.customDomains[0] ?? source.hostName}${path}`,
        name: `GET ${path}`,
        success: sample.status < 400,
        resultCode: String(sample.status),
        durationMs: Math.round(sample.durationMs * 1000) / 1000,
        roleName: serving.siteName,
        roleInstance: `${instance}${instance}`.slice(0, 12),
        version: d.tag ?? (d.digest ?? '').slice(7, 19),
        itemCount: 1,
        resourceId,
        servedBy: serving.name,
      });
    }
    return out;
  }
}
