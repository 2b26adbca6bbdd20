import { RetryAfterError } from '../domain/errors.js';
import type { DurableOps } from './DurableOps.js';

/**
 * {@link DurableOps} over the Durable HTTP API of the host at `origin`
 * (`/runtime/webhooks/durabletask/…`), for hosts that do not hand activities a durable
 * client input (the local dev host). On Azure the durable client input is used instead.
 */
export function httpDurableOps(origin: string): DurableOps {
  const base = `${origin}/runtime/webhooks/durabletask`;
  const send = async (method: string, path: string, body?: unknown): Promise<Response> => {
    try {
      return await fetch(`${base}/${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (cause) {
      throw new RetryAfterError(`durable API at ${base} unreachable`, 1_000, { cause });
    }
  };
  const fail = async (what: string, res: Response): Promise<never> => {
    const text = await res.text();
    throw new Error(
      `${what}: expected 2xx from the durable API, got ${res.status} ${text.slice(0, 200)}`,
    );
  };
  return {
    raiseEventUrl: (instanceId, eventName) =>
      `${base}/instances/${instanceId}/raiseEvent/${eventName}`,
    async getInstance(instanceId) {
      const res = await send('GET', `instances/${instanceId}`);
      if (res.status === 404) return undefined;
      if (res.status !== 200 && res.status !== 202) return fail(`status of ${instanceId}`, res);
      const status = (await res.json()) as {
        runtimeStatus: string;
        input: unknown;
        customStatus: unknown;
      };
      return {
        runtimeStatus: status.runtimeStatus,
        input: status.input,
        customStatus: status.customStatus,
      };
    },
    async startNew(name, instanceId, input) {
      const res = await send('POST', `orchestrators/${name}/${instanceId}`, input);
      if (res.status > 202) return fail(`start ${name} as ${instanceId}`, res);
      await res.arrayBuffer();
    },
    async raiseEvent(instanceId, eventName, data) {
      const res = await send('POST', `instances/${instanceId}/raiseEvent/${eventName}`, data);
      if (res.status !== 202 && res.status !== 410 && res.status !== 404) {
        return fail(`raise ${eventName} on ${instanceId}`, res);
      }
      await res.arrayBuffer();
    },
    async terminate(instanceId, reason) {
      const res = await send(
        'POST',
        `instances/${instanceId}/terminate?reason=${encodeURIComponent(reason)}`,
      );
      if (res.status !== 202 && res.status !== 410 && res.status !== 404) {
        return fail(`terminate ${instanceId}`, res);
      }
      await res.arrayBuffer();
    },
  };
}
