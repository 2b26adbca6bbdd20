import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

import { applyFault, armFaultError, hang } from '../faults/applyFault.js';
import { HttpError } from '../http/HttpError.js';
import { readJson } from '../http/readBody.js';
import { sendJson } from '../http/sendJson.js';
import type { SiteModel, SlotModel } from '../model/SlotModel.js';
import type { SandboxContext } from '../SandboxContext.js';
import { noteRequest } from '../server/requestNotes.js';
import { applyConfig } from './applyConfig.js';
import { checkApiVersion, invalidContent, notFound, resourceGroupNotFound } from './armErrors.js';
import { slotResourceId } from './armPaths.js';
import { requireBearer } from './armRequestAuth.js';
import { configJson, siteJson } from './siteJson.js';

const SITE_PATH =
  /^\/subscriptions\/([^/]+)\/resourcegroups\/([^/]+)\/providers\/microsoft\.web\/sites\/([^/]+)((?:\/[^/]+)*)\/?$/i;

/**
 * Serves the App Service subset of ARM (`/subscriptions/…/providers/Microsoft.Web/sites/…`):
 * get site and slot, list slots, get/patch/put `config/web`, restart, stop, start, swap as a long-running
 * operation and its `operationresults` polls. `base` is the origin written into `Location`.
 * `metrics` serves `{site or slot}/providers/Microsoft.Insights/metrics` (fault op `metrics`).
 */
export async function handleArm(
  ctx: SandboxContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  base: string,
  metrics?: (res: ServerResponse, url: URL, site: SiteModel, slot: SlotModel) => void,
): Promise<void> {
  const requestId = randomUUID();
  res.setHeader('x-ms-request-id', requestId);
  res.setHeader(
    'x-ms-correlation-request-id',
    String(req.headers['x-ms-client-request-id'] ?? requestId),
  );
  res.setHeader(
    'x-ms-routing-request-id',
    `WESTEUROPE:${new Date(ctx.clock.now()).toISOString().replace(/[-:.]/g, '')}:${requestId}`,
  );
  requireBearer(req);
  const m = SITE_PATH.exec(decodeURIComponent(url.pathname));
  if (m === null) {
    throw new HttpError(
      404,
      'InvalidResourceType',
      `The resource type for '${url.pathname}' could not be found in the namespace of the sandbox.`,
    );
  }
  const [, sub = '', rg = '', siteName = '', restText = ''] = m;
  const rest = restText
    .split('/')
    .filter((s) => s !== '')
    .map((s) => s.toLowerCase());
  const method = req.method ?? 'GET';
  const metricsPath = rest.slice(-3).join('/') === 'providers/microsoft.insights/metrics';
  if (!metricsPath)
    checkApiVersion(
      url.searchParams.get('api-version'),
      rest.includes('slots') ? 'sites/slots' : 'sites',
    );
  if (sub.toLowerCase() !== ctx.world.scenario.subscriptionId.toLowerCase()) {
    throw new HttpError(
      404,
      'SubscriptionNotFound',
      `The subscription '${sub}' could not be found.`,
    );
  }
  ctx.swaps.settle();
  if (!ctx.world.hasResourceGroup(rg)) throw resourceGroupNotFound(rg);
  const site = ctx.world.findSite(rg, siteName);
  if (site === undefined) throw notFound('Microsoft.Web/sites', siteName, rg);

  let slot: SlotModel = site.production;
  let tail = rest;
  if (rest[0] === 'slots' && rest[1] !== undefined) {
    const found = ctx.world.slotOf(site, restText.split('/').filter((s) => s !== '')[1]);
    if (found === undefined || found === site.production) {
      throw notFound('Microsoft.Web/sites/slots', `${site.name}/${rest[1]}`, rg);
    }
    slot = found;
    tail = rest.slice(2);
  }
  if (metricsPath && metrics !== undefined && method === 'GET' && tail.length === 3) {
    if ((await applyFault(ctx.faults.take('metrics'), armFaultError)) === 'hang') {
      hang(res);
      return;
    }
    metrics(res, url, site, slot);
    return;
  }
  const route = `${method} ${tail.join('/')}`;
  const op = opName(route, rest);
  noteRequest(res, {
    operation: op,
    site: site.name,
    slot: slot === site.production ? 'production' : slot.name,
    ...(slot.deployment?.digest !== undefined && { digest: slot.deployment.digest }),
  });
  const fault = op === 'swap' ? undefined : ctx.faults.take(op);
  if (fault !== undefined) noteRequest(res, { fault: fault.kind });
  const effect = await applyFault(fault, armFaultError);
  if (effect === 'hang') {
    hang(res);
    return;
  }

  const writes = ['updateConfiguration', 'restart', 'stop', 'start'].includes(op);
  if (writes && ctx.swaps.runningOn(site)) {
    // As ARM does while a swap runs on the site (transient: retry once it finished).
    throw new HttpError(
      409,
      'Conflict',
      `Cannot modify this site '${site.name}' because another operation is in progress. OperationName: SwapSiteSlots.`,
    );
  }
  switch (route) {
    case 'GET ':
      sendJson(res, 200, siteJson(ctx.world, slot));
      return;
    case 'GET slots':
      if (rest.length !== 1) break;
      sendJson(res, 200, {
        value: [...site.slots.values()].map((s) => siteJson(ctx.world, s)),
        nextLink: null,
      });
      return;
    case 'GET config/web':
      sendJson(res, 200, configJson(ctx.world, slot));
      return;
    case 'PATCH config/web':
    case 'PUT config/web': {
      const body = await readJson(req, invalidContent);
      const before = slot.deployment?.image;
      applyConfig(ctx.world, site, slot, body, method === 'PUT');
      if (slot.deployment?.digest !== undefined)
        noteRequest(res, { digest: slot.deployment.digest });
      if (slot.deployment?.image !== before) {
        ctx.log(`deploy ${site.name}/${slot.name}: ${slot.deployment?.image ?? '(no image)'}`);
      }
      sendJson(res, 200, configJson(ctx.world, slot));
      return;
    }
    case 'POST restart':
      ctx.world.restart(slot);
      sendJson(res, 200, undefined);
      return;
    case 'POST stop':
    case 'POST start':
      // Synchronous actions answering 200 with no body, as the REST spec (`stop`/`start`,
      // `stopSlot`/`startSlot`) and the SDK (200 only) say; the container starts afterwards.
      ctx.world.setArmState(slot, route === 'POST stop' ? 'Stopped' : 'Running');
      ctx.log(`${route === 'POST stop' ? 'stop' : 'start'} ${site.name}/${slot.name}`);
      sendJson(res, 200, undefined);
      return;
    case 'POST slotsswap':
      await startSwap(ctx, req, res, site, slot, base);
      return;
    default:
      if (method === 'GET' && tail[0] === 'operationresults' && tail.length === 2) {
        pollSwap(ctx, res, slot, tail[1] ?? '', base);
        return;
      }
  }
  throw new HttpError(
    404,
    'NotFound',
    `No route for ${method} ${url.pathname} in the sandbox's App Service subset.`,
  );
}

function opName(route: string, rest: string[]): string {
  if (route === 'GET ') return rest[0] === 'slots' ? 'getSlot' : 'get';
  if (route === 'GET slots') return 'listSlots';
  if (route === 'GET config/web') return 'getConfiguration';
  if (route === 'PATCH config/web' || route === 'PUT config/web') return 'updateConfiguration';
  if (route === 'POST restart') return 'restart';
  if (route === 'POST stop') return 'stop';
  if (route === 'POST start') return 'start';
  if (route === 'POST slotsswap') return 'swap';
  return 'swapStatus';
}

async function startSwap(
  ctx: SandboxContext,
  req: IncomingMessage,
  res: ServerResponse,
  site: SiteModel,
  slot: SlotModel,
  base: string,
): Promise<void> {
  const fault = ctx.faults.take('swap');
  if (fault !== undefined) noteRequest(res, { fault: fault.kind });
  const lroFault = fault?.kind === 'hang' || fault?.kind === 'fail-lro';
  if (!lroFault && (await applyFault(fault, armFaultError)) === 'hang') {
    hang(res);
    return;
  }
  const body = await readJson(req, invalidContent);
  const targetName = (body as { targetSlot?: unknown } | undefined)?.targetSlot;
  if (typeof targetName !== 'string' || targetName === '') {
    throw invalidContent('targetSlot: expected a slot name, got ' + JSON.stringify(targetName));
  }
  const target = ctx.world.slotOf(site, targetName);
  if (target === undefined)
    throw notFound('Microsoft.Web/sites/slots', `${site.name}/${targetName}`, site.resourceGroup);
  if (target === slot) {
    throw new HttpError(
      400,
      'BadRequest',
      `targetSlot: expected a slot other than '${slot.name}', got '${targetName}'.`,
    );
  }
  const outcome = fault?.kind === 'hang' ? 'hang' : fault?.kind === 'fail-lro' ? 'fail' : 'ok';
  const op = ctx.swaps.start(site, slot, target, outcome);
  ctx.log(`swap ${site.name}: ${slot.name} <-> ${target.name} accepted (${op.id})`);
  sendJson(res, 202, undefined, {
    location: operationLocation(ctx, slot, op.id, base),
    'cache-control': 'no-cache',
  });
}

function pollSwap(
  ctx: SandboxContext,
  res: ServerResponse,
  slot: SlotModel,
  id: string,
  base: string,
): void {
  const op = ctx.swaps.poll(id);
  if (op === undefined || op.source !== slot) {
    throw new HttpError(404, 'NotFound', `The operation '${id}' could not be found.`);
  }
  switch (op.status) {
    case 'InProgress':
      sendJson(res, 202, undefined, {
        location: operationLocation(ctx, slot, op.id, base),
        'cache-control': 'no-cache',
      });
      return;
    case 'Succeeded':
      sendJson(res, 200, siteJson(ctx.world, op.source));
      return;
    case 'Failed':
      throw new HttpError(409, 'Conflict', op.failure ?? 'The swap failed.');
    default: {
      const never: never = op.status;
      throw new Error(`swap status: unexpected ${String(never)}`);
    }
  }
}

/** A fresh `Location` for the operation, signed differently each time as Azure's are. */
function operationLocation(ctx: SandboxContext, slot: SlotModel, id: string, base: string): string {
  const t = ctx.clock.now() * 10_000 + 621_355_968_000_000_000;
  const sig = Math.floor(Math.random() * 1e12).toString(36);
  return `${base}${slotResourceId(ctx.world.scenario.subscriptionId, slot)}/operationresults/${id}?api-version=2025-05-01&t=${t}&c=sandbox&s=${sig}&h=${sig.slice(0, 6)}`;
}
