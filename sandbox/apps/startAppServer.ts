import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { SiteModel, SlotModel } from '../model/SlotModel.js';
import type { World } from '../model/World.js';
import { createRng, seedOf } from '../util/createRng.js';
import { sampleRequest } from './appBehaviourAt.js';
import { chooseServingSlot, slotByRoutingName } from './chooseServingSlot.js';

/** A running app server of one (site, slot). */
export interface AppServer {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Starts the HTTP server of one slot on a free local port. It serves whatever the slot runs
 * at request time (a swap changes what the port serves): `GET /health` by state, other paths
 * by the image's profile and `GET /__sandbox/info` describing it (for tests; Slotpilot never
 * reads it). Only an image whose profile opts in (`+version`) names itself to clients, as a
 * real app may: `GET /version` → `{image, digest}` and `x-sandbox-image` on every answer. Requests to production honour `experiments.rampUpRules` and `x-ms-routing-name`.
 */
export async function startAppServer(
  world: World,
  site: SiteModel,
  slot: SlotModel,
  maxRealDelayMs: number,
): Promise<AppServer> {
  const rng = createRng(seedOf(`live:${slot.hostName}`));
  const server: Server = createServer((req, res) => {
    serve(world, site, slot, req, res, rng.next(), rng, maxRealDelayMs).catch(() => res.destroy());
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function serve(
  world: World,
  site: SiteModel,
  addressed: SlotModel,
  req: IncomingMessage,
  res: ServerResponse,
  roll: number,
  rng: ReturnType<typeof createRng>,
  maxRealDelayMs: number,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://app');
  const slot =
    addressed === site.production ? routeProduction(site, req, url, roll, res) : addressed;
  // While a new image starts on a running slot, the previous container answers (its own
  // profile and, if it opts in, its own image name).
  const { deployment: d, state } = world.servingOf(slot);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const exposesVersion = d?.profile.exposesVersion === true;
  if (exposesVersion && d?.image !== undefined) headers['x-sandbox-image'] = d.image;
  if (url.pathname === '/__sandbox/info') {
    res.writeHead(200, headers).end(
      JSON.stringify({
        site: slot.siteName,
        slot: slot.name,
        image: d?.image ?? null,
        digest: d?.digest ?? null,
        state,
      }),
    );
    return;
  }
  if (state === 'Stopped') {
    // App Service's own page for a stopped site: HTML, whatever the app would have answered.
    res
      .writeHead(403, { 'content-type': 'text/html' })
      .end(
        '<!DOCTYPE html><html><head><title>Site stopped</title></head><body><h1>Error 403 - This web app is stopped.</h1></body></html>',
      );
    return;
  }
  if (state !== 'Running' && state !== 'Unhealthy') {
    res.writeHead(503, headers).end(JSON.stringify({ error: `Application Error (${state})` }));
    return;
  }
  if (exposesVersion && url.pathname === '/version') {
    res
      .writeHead(200, headers)
      .end(JSON.stringify({ image: d?.image ?? null, digest: d?.digest ?? null }));
    return;
  }
  if (url.pathname === '/health') {
    const ok = state === 'Running';
    res
      .writeHead(ok ? 200 : 503, headers)
      .end(JSON.stringify({ status: ok ? 'healthy' : 'unhealthy' }));
    return;
  }
  const sample = sampleRequest(d?.profile ?? { kind: 'healthy' }, state, rng);
  if (world.clock.kind !== 'virtual' && maxRealDelayMs > 0) {
    await new Promise((r) => setTimeout(r, Math.min(sample.durationMs, maxRealDelayMs)));
  }
  res
    .writeHead(sample.status, headers)
    .end(JSON.stringify({ path: url.pathname, status: sample.status }));
}

function routeProduction(
  site: SiteModel,
  req: IncomingMessage,
  url: URL,
  roll: number,
  res: ServerResponse,
): SlotModel {
  const forced = url.searchParams.get('x-ms-routing-name') ?? undefined;
  const cookie = /(?:^|;\s*)x-ms-routing-name=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
  const pinned = slotByRoutingName(site, forced ?? cookie);
  if (pinned !== undefined) return pinned;
  const rules = site.routing[site.routing.length - 1]?.rules ?? [];
  if (rules.length === 0) return site.production;
  const chosen = chooseServingSlot(site, rules, roll * 100);
  const name = chosen === site.production ? 'self' : chosen.name;
  res.setHeader('set-cookie', `x-ms-routing-name=${name}; Max-Age=3600; Path=/`);
  return chosen;
}
