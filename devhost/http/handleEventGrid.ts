import type { FunctionRegistry } from '../load/FunctionRegistry.js';
import { invokeFunction, type TypedData } from '../load/invokeFunction.js';
import { type AuthKeys, isAuthorized } from './AuthKeys.js';
import type { HostRequest, HostResponse } from './HostRequest.js';

/** Azure clouds whose WebHook-Request-Origin the host echoes in the CloudEvents handshake. */
const knownOrigins = ['eventgrid.azure.net', 'eventgrid.azure.us', 'eventgrid.azure.cn'];

function validationCode(event: Record<string, unknown>): unknown {
  let data = event['data'];
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data);
    } catch {
      return undefined;
    }
  }
  return (data as Record<string, unknown> | undefined)?.['validationCode'];
}

/**
 * The Event Grid extension's webhook, `/runtime/webhooks/EventGrid?functionName=` (path
 * case-insensitive). SubscriptionValidation answers the handshake; Notification invokes the
 * function once per event, in parallel: 202 when all succeed, 500 with the first error's
 * message otherwise; a missing or unknown `aeg-event-type` is 400; an unknown function 404.
 */
export async function handleEventGrid(
  registry: FunctionRegistry,
  keys: AuthKeys,
  req: HostRequest,
  inputsByType: () => Record<string, TypedData>,
  log: (line: string) => void,
): Promise<HostResponse> {
  if (req.method === 'OPTIONS') {
    const origin = req.header('webhook-request-origin');
    const allowed =
      origin !== undefined && knownOrigins.some((o) => origin.toLowerCase().endsWith(o));
    return {
      status: 200,
      headers: { 'WebHook-Allowed-Origin': allowed ? origin : 'eventgrid.azure.net' },
    };
  }
  if (req.method !== 'POST') return { status: 404 };
  if (!isAuthorized(keys, 'system', req)) return { status: 401 };
  const name = req.url.searchParams.get('functionName') ?? '';
  const fn = registry.find(name);
  if (fn === undefined || fn.trigger.type.toLowerCase() !== 'eventgridtrigger') {
    return { status: 404, body: `cannot find function: '${name}'` };
  }
  const eventType = (req.header('aeg-event-type') ?? '').toLowerCase();
  if (
    eventType !== 'subscriptionvalidation' &&
    eventType !== 'notification' &&
    eventType !== 'unsubscribe'
  ) {
    return { status: 400, body: `The 'aeg-event-type' header is missing or not supported.` };
  }
  if (eventType === 'unsubscribe') return { status: 202 };
  let parsed: unknown;
  try {
    parsed = JSON.parse(req.body.toString('utf8'));
  } catch {
    return { status: 400, body: 'The request body is not valid JSON.' };
  }
  const events = (Array.isArray(parsed) ? parsed : [parsed]) as unknown[];
  if (events.some((e) => typeof e !== 'object' || e === null)) {
    return { status: 400, body: 'Each event must be a JSON object.' };
  }
  if (eventType === 'subscriptionvalidation') {
    return {
      status: 200,
      body: { validationResponse: validationCode(events[0] as Record<string, unknown>) },
    };
  }
  const results = await Promise.allSettled(
    events.map((event) =>
      invokeFunction(
        registry,
        fn,
        { trigger: { json: JSON.stringify(event) }, inputsByType: inputsByType() },
        log,
      ),
    ),
  );
  const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failure !== undefined) {
    const message = (failure.reason as Error).message ?? String(failure.reason);
    log(`Event Grid function "${fn.name}" failed: ${message}`);
    return { status: 500, body: message };
  }
  return { status: 202 };
}
