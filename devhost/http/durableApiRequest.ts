import type { HostRequest, HostResponse } from './HostRequest.js';

/** A 400 in the extension's `{Message}` shape. */
export const badRequest = (message: string): HostResponse => ({
  status: 400,
  body: { Message: message },
});

/** Parses a JSON request body: empty is null, invalid JSON is an error. */
export function jsonBody(req: HostRequest): { ok: true; text: string | null } | { ok: false } {
  const text = req.body.toString('utf8');
  if (text.trim() === '') return { ok: true, text: null };
  try {
    return { ok: true, text: JSON.stringify(JSON.parse(text)) };
  } catch {
    return { ok: false };
  }
}

/** A boolean query parameter (`true` case-insensitively), `dflt` when absent. */
export function flag(req: HostRequest, name: string, dflt: boolean): boolean {
  const v = req.url.searchParams.get(name);
  return v === null ? dflt : v.toLowerCase() === 'true';
}

/** A time query parameter: epoch ms, undefined when absent, 'bad' when unparseable. */
export function time(req: HostRequest, name: string): number | undefined | 'bad' {
  const v = req.url.searchParams.get(name);
  if (v === null || v === '') return undefined;
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? 'bad' : ms;
}
