import type { IncomingMessage, ServerResponse } from 'node:http';

import { z } from 'zod';

import { HttpError } from '../http/HttpError.js';
import { readJson } from '../http/readBody.js';
import { sendJson } from '../http/sendJson.js';
import type { Sandbox } from '../Sandbox.js';
import { faultSchema, hookBehaviourSchema } from '../scenario/Scenario.js';

const alertFiringSchema = z.object({
  rule: z.string().min(1),
  targetResourceId: z.string().startsWith('/subscriptions/'),
  severity: z.string().optional(),
  condition: z.enum(['Fired', 'Resolved']).optional(),
  description: z.string().optional(),
  customProperties: z.record(z.string(), z.string()).optional(),
});

const bad = (detail: string): HttpError => new HttpError(400, 'BadRequest', detail);

/**
 * The admin JSON API (`/admin/…`) exposing the programmatic API across processes:
 * `GET info`, `POST push`, `POST deliver-held`, `GET slack[?channel=]`, `GET hooks[?name=]`,
 * `PUT hooks/<name>`, `POST faults`, `GET faults`, `DELETE faults`, `GET sites/<site>[/<slot>]`,
 * `GET arm-requests`, `GET audit/<pipeline>/<releaseId>[?container=]`, `PUT event-grid`,
 * `PUT action-groups/<name> {serviceUri}`,
 * `POST action-groups/<name>/fire {rule, targetResourceId, severity?, condition?, description?}`.
 */
export async function handleAdmin(
  sandbox: Sandbox,
  info: () => object,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const parts = url.pathname
    .split('/')
    .filter((p) => p !== '')
    .slice(1)
    .map(decodeURIComponent);
  const route = `${req.method ?? 'GET'} ${parts[0] ?? ''}`;
  const body = (): Promise<Record<string, unknown>> =>
    readJson(req, (d) => bad(`body: expected JSON, got invalid JSON (${d})`)).then((b) => {
      if (typeof b !== 'object' || b === null || Array.isArray(b))
        throw bad(`body: expected a JSON object, got ${JSON.stringify(b)}`);
      return b as Record<string, unknown>;
    });
  const q = (k: string): string | undefined => url.searchParams.get(k) ?? undefined;
  switch (route) {
    case 'GET info':
      sendJson(res, 200, info());
      return;
    case 'POST push': {
      const b = await body();
      if (typeof b['image'] !== 'string')
        throw bad(`image: expected "repo:tag", got ${JSON.stringify(b['image'])}`);
      const deliver = b['deliver'];
      if (
        deliver !== undefined &&
        deliver !== 'once' &&
        deliver !== 'twice' &&
        deliver !== 'none'
      ) {
        throw bad(`deliver: expected once, twice or none, got ${JSON.stringify(deliver)}`);
      }
      try {
        const result = await sandbox.push(b['image'], {
          profile: typeof b['profile'] === 'string' ? b['profile'] : undefined,
          deliver,
          tagless: b['tagless'] === true,
        });
        sendJson(res, 200, result);
      } catch (err) {
        throw bad((err as Error).message);
      }
      return;
    }
    case 'POST deliver-held':
      sendJson(res, 200, { deliveries: await sandbox.deliverHeld() });
      return;
    case 'GET slack':
      sendJson(res, 200, { messages: sandbox.slackMessages(q('channel')) });
      return;
    case 'GET hooks':
      sendJson(res, 200, { calls: sandbox.hookCalls(q('name')) });
      return;
    case 'PUT hooks': {
      const b = await body();
      const behaviour = hookBehaviourSchema.safeParse(b['behaviour']);
      if (parts[1] === undefined) throw bad('hook name: expected /admin/hooks/<name>, got none');
      if (!behaviour.success) {
        throw bad(
          `behaviour: expected pass, fail, hang, callback-pass or callback-fail, got ${JSON.stringify(b['behaviour'])}`,
        );
      }
      sandbox.setHook(parts[1], behaviour.data, {
        delayMs: typeof b['delayMs'] === 'number' ? b['delayMs'] : undefined,
      });
      sendJson(res, 200, { name: parts[1], behaviour: behaviour.data });
      return;
    }
    case 'POST faults': {
      const parsed = faultSchema.safeParse(await body());
      if (!parsed.success) {
        throw bad(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      }
      sandbox.injectFault(parsed.data);
      sendJson(res, 200, parsed.data);
      return;
    }
    case 'GET faults':
      sendJson(res, 200, { armed: sandbox.faults(), fired: sandbox.faultsFired() });
      return;
    case 'GET audit': {
      const [, pipeline, releaseId] = parts;
      if (pipeline === undefined || releaseId === undefined) {
        throw bad(`path: expected /admin/audit/<pipeline>/<releaseId>, got ${url.pathname}`);
      }
      sendJson(res, 200, { events: await sandbox.auditTrail(pipeline, releaseId, q('container')) });
      return;
    }
    case 'DELETE faults':
      sandbox.clearFaults();
      sendJson(res, 200, {});
      return;
    case 'GET sites':
      if (parts[1] === undefined)
        throw bad('site: expected /admin/sites/<site>[/<slot>], got none');
      try {
        sendJson(res, 200, sandbox.siteState(parts[1], parts[2]));
      } catch (err) {
        throw new HttpError(404, 'NotFound', (err as Error).message);
      }
      return;
    case 'GET arm-requests':
      sendJson(res, 200, { requests: sandbox.armRequests() });
      return;
    case 'PUT event-grid': {
      const b = await body();
      if (typeof b['url'] !== 'string')
        throw bad(`url: expected a URL string, got ${JSON.stringify(b['url'])}`);
      sandbox.setEventGridUrl(b['url']);
      sendJson(res, 200, { url: b['url'] });
      return;
    }
    case 'PUT action-groups': {
      const b = await body();
      if (parts[1] === undefined)
        throw bad('action group: expected /admin/action-groups/<name>, got none');
      if (typeof b['serviceUri'] !== 'string')
        throw bad(`serviceUri: expected a URL string, got ${JSON.stringify(b['serviceUri'])}`);
      sandbox.setActionGroup(parts[1], b['serviceUri']);
      sendJson(res, 200, { name: parts[1], serviceUri: b['serviceUri'] });
      return;
    }
    case 'POST action-groups': {
      const b = await body();
      if (parts[1] === undefined || parts[2] !== 'fire')
        throw bad('action group: expected /admin/action-groups/<name>/fire');
      const alert = alertFiringSchema.safeParse(b);
      if (!alert.success) {
        throw bad(alert.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      }
      try {
        sendJson(res, 200, await sandbox.fireAlert(parts[1], alert.data));
      } catch (err) {
        if (err instanceof RangeError) throw new HttpError(404, 'NotFound', err.message);
        throw new HttpError(
          502,
          'BadGateway',
          `webhook delivery failed: ${(err as Error).message}`,
        );
      }
      return;
    }
    default:
      throw new HttpError(
        404,
        'NotFound',
        `No admin route for ${req.method ?? 'GET'} ${url.pathname}.`,
      );
  }
}
