import { schedulerId } from '../engine/entityMessages.js';
import type { DurableApiContext } from './DurableApiContext.js';
import { badRequest, jsonBody } from './durableApiRequest.js';
import type { HostRequest, HostResponse } from './HostRequest.js';

/**
 * The `entities/{name}/{key}` routes (HttpApiHandler's entity handlers): GET answers the state
 * (200) or 404 when the entity does not exist; POST signals `?op=` with the body as input
 * (JSON when the content type says so, else the text); DELETE signals "delete". Listing
 * entities (no key) is not supported: 501.
 */
export function entityRoute(
  ctx: DurableApiContext,
  req: HostRequest,
  name: string,
  key: string | undefined,
): HostResponse {
  if (key === undefined || key === '') {
    return {
      status: 501,
      body: { Message: 'Listing durable entities is not supported by the dev host.' },
    };
  }
  const id = schedulerId(name, key);
  if (req.method === 'GET') {
    const row = ctx.engine.store.getEntity(id);
    if (row?.present !== 1) return { status: 404 };
    return {
      status: 200,
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: Buffer.from(row.state ?? 'null'),
    };
  }
  if (req.method !== 'POST' && req.method !== 'DELETE') return { status: 404 };
  const op = req.method === 'DELETE' ? 'delete' : (req.url.searchParams.get('op') ?? '');
  let input: string | null = null;
  if (req.body.length > 0) {
    const type = (req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
    if (type === 'application/json') {
      const body = jsonBody(req);
      if (!body.ok) return badRequest('Could not parse JSON content');
      input = body.text;
    } else input = JSON.stringify(req.body.toString('utf8'));
  }
  ctx.engine.signalEntity(id, op, input);
  return { status: 202 };
}
