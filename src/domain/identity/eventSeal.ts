import { createHmac, timingSafeEqual } from 'node:crypto';

/** A decision event payload as it travels: a JSON object, sealed or not. */
export type EventPayload = Record<string, unknown>;

/** The field that carries an event's seal. */
export const sealField = 'seal';

/**
 * Seals a decision event Slotpilot raises on a durable instance: returns `payload` plus
 * `seal`, an HMAC-SHA256 (base64url) over `instanceId`, `eventName` and the canonical JSON
 * (keys sorted, `seal` left out) of the payload. Binding the instance and event name means a
 * seal copied onto another release or another event never verifies. `key` is
 * `SLOTPILOT_SIGNING_KEY`; a sub-key is derived from it so a seal is never a token signature.
 * Deterministic: sealing the same input twice gives the same seal.
 *
 * @example sealEvent('pwbi-api-ab12', 'approval', { stage: 'staging', by: 'a@b.c' }, key)
 */
export function sealEvent<T extends object>(
  instanceId: string,
  eventName: string,
  payload: T,
  key: string,
): T & { seal: string } {
  if (key === '') {
    throw new Error(
      'SLOTPILOT_SIGNING_KEY: expected a signing key to seal decision events, got an empty value',
    );
  }
  const { [sealField]: _old, ...body } = payload as EventPayload;
  return { ...(body as T), seal: computeSeal(instanceId, eventName, body, key) };
}

/**
 * True when `payload` carries a seal made by {@link sealEvent} with `key` for exactly this
 * instance and event name and this payload. False for anything else: no or malformed seal,
 * a payload that is not a JSON object, a changed field, another instance or event name, a
 * wrong or empty key. Compares in constant time. Never throws.
 */
export function isSealed(
  instanceId: string,
  eventName: string,
  payload: unknown,
  key: string,
): boolean {
  if (key === '' || !isObject(payload)) return false;
  const { [sealField]: seal, ...body } = payload;
  if (typeof seal !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(seal)) return false;
  let expected: string;
  try {
    expected = computeSeal(instanceId, eventName, body, key);
  } catch {
    return false;
  }
  const a = Buffer.from(seal);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The token a gate hook must echo (as `token`) in the result it POSTs to its `callbackUrl`:
 * the seal of a fixed payload for the waiting instance and the hook's event name. Made by
 * the `callHook` activity and sent to the hook only; never stored in durable history.
 */
export function hookCallbackToken(instanceId: string, eventName: string, key: string): string {
  // Without a key there is no token: synchronous hooks still work, callbacks never verify.
  if (key === '') return '';
  return sealEvent(instanceId, eventName, { purpose: 'hookCallback' }, key).seal;
}

/**
 * True when a hook callback `payload` echoes the right {@link hookCallbackToken} as `token`.
 * False for anything else (no or wrong token, not an object, empty key). Never throws.
 */
export function hasHookCallbackToken(
  instanceId: string,
  eventName: string,
  payload: unknown,
  key: string,
): boolean {
  if (!isObject(payload)) return false;
  return isSealed(instanceId, eventName, { purpose: 'hookCallback', seal: payload.token }, key);
}

function computeSeal(instanceId: string, eventName: string, body: unknown, key: string): string {
  const sealKey = createHmac('sha256', key).update('slotpilot event seal v1').digest();
  const message = JSON.stringify([instanceId, eventName, canonicalJson(body)]);
  return createHmac('sha256', sealKey).update(message).digest('base64url');
}

/** JSON with object keys sorted at every depth (undefined members left out, as JSON does). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  }
  if (isObject(value)) {
    const members = Object.keys(value)
      .sort()
      .filter((k) => value[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`);
    return `{${members.join(',')}}`;
  }
  const text = JSON.stringify(value) as string | undefined;
  if (text === undefined) throw new Error(`canonicalJson: expected JSON data, got ${typeof value}`);
  return text;
}

function isObject(value: unknown): value is EventPayload {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
