import { toInstanceStatus } from '../engine/statusPayload.js';
import type { DurableApiContext } from './DurableApiContext.js';
import { badRequest, flag, time } from './durableApiRequest.js';
import type { HostRequest, HostResponse } from './HostRequest.js';

/**
 * `GET instances`: the instances by creation time, status and id prefix, `top` a page, the
 * next page behind `x-ms-continuation-token`.
 */
export function listInstances(ctx: DurableApiContext, req: HostRequest): HostResponse {
  const from = time(req, 'createdTimeFrom');
  const to = time(req, 'createdTimeTo');
  if (from === 'bad' || to === 'bad')
    return badRequest('createdTimeFrom/createdTimeTo: expected ISO-8601 times');
  const statusParam = req.url.searchParams.get('runtimeStatus');
  const wanted = runtimeStatuses(statusParam);
  const topParam = req.url.searchParams.get('top');
  const top = topParam === null ? 100 : Number(topParam);
  if (!Number.isInteger(top) || top <= 0)
    return badRequest(`top: expected a positive integer, got "${topParam}"`);
  const token = req.header('x-ms-continuation-token');
  const after = token === undefined || token === '' ? undefined : readListToken(token);
  if (after === 'bad')
    return badRequest('x-ms-continuation-token: expected a token from a previous page');
  const showInput = flag(req, 'showInput', true);
  const rows = ctx.engine.store.listInstances({
    createdFrom: from,
    createdTo: to,
    statuses: wanted,
    prefix: req.url.searchParams.get('instanceIdPrefix') ?? undefined,
    ...(after === undefined ? {} : { after }),
    limit: top + 1,
  });
  const page = rows.slice(0, top);
  const last = page.at(-1);
  const headers: Record<string, string> = {};
  // Like the storage providers' tokens, the token names where the page ended (a key), not an
  // offset: instances created or purged between pages neither repeat nor hide others.
  if (rows.length > top && last !== undefined)
    headers['x-ms-continuation-token'] = Buffer.from(
      JSON.stringify([last.created_ms, last.id]),
    ).toString('base64');
  return { status: 200, headers, body: page.map((r) => toInstanceStatus(r, showInput)) };
}

/** `DELETE instances/{id}`: purges one instance; 404 when unknown. */
export function purgeInstance(ctx: DurableApiContext, id: string): HostResponse {
  const row = ctx.engine.getInstance(id);
  if (row === undefined) return { status: 404 };
  return { status: 200, body: { instancesDeleted: ctx.engine.purge(id) } };
}

/** `DELETE instances?createdTimeFrom=…`: purges the instances the filter names; 404 when none. */
export function purgeInstances(ctx: DurableApiContext, req: HostRequest): HostResponse {
  const from = time(req, 'createdTimeFrom');
  const to = time(req, 'createdTimeTo');
  if (from === undefined)
    return badRequest('createdTimeFrom: expected an ISO-8601 time, got nothing');
  if (from === 'bad' || to === 'bad')
    return badRequest('createdTimeFrom/createdTimeTo: expected ISO-8601 times');
  const statusParam = req.url.searchParams.get('runtimeStatus');
  const rows = ctx.engine.store.listInstances({
    createdFrom: from,
    createdTo: to,
    statuses: runtimeStatuses(statusParam),
  });
  let n = 0;
  for (const r of rows) n += ctx.engine.purge(r.id);
  return n === 0 ? { status: 404 } : { status: 200, body: { instancesDeleted: n } };
}

/** OrchestrationRuntimeStatus by number, as Enum.TryParse also accepts them. */
const statusByNumber = [
  'Running',
  'Completed',
  'ContinuedAsNew',
  'Failed',
  'Canceled',
  'Terminated',
  'Pending',
  'Suspended',
];

const statusNames = new Set(statusByNumber);

/**
 * `runtimeStatus=a,b`: the status names (case-sensitive) or numbers; anything else is ignored,
 * as the extension's Enum.TryParse does; none left means no filter.
 */
function runtimeStatuses(param: string | null): string[] | undefined {
  if (param === null) return undefined;
  const known = param
    .split(',')
    .map((s) => s.trim())
    .map((s) => (/^\d+$/.test(s) ? statusByNumber[Number(s)] : statusNames.has(s) ? s : undefined))
    .filter((s): s is string => s !== undefined);
  return known.length === 0 ? undefined : known;
}

/** Where a list page ended, from its continuation token; 'bad' for anything else. */
function readListToken(token: string): { createdMs: number; id: string } | 'bad' {
  try {
    const value: unknown = JSON.parse(Buffer.from(token, 'base64').toString('utf8'));
    if (Array.isArray(value) && Number.isInteger(value[0]) && typeof value[1] === 'string')
      return { createdMs: value[0] as number, id: value[1] };
  } catch {
    // not JSON: not one of ours
  }
  return 'bad';
}
