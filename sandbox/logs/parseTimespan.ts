import { badArgument } from './logsErrors.js';

const ISO_DURATION =
  /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i;

function durationMs(text: string): number | undefined {
  const m = ISO_DURATION.exec(text.trim());
  if (m === null || text.trim().toUpperCase() === 'P' || text.trim().toUpperCase() === 'PT')
    return undefined;
  const [, d = '0', h = '0', min = '0', s = '0'] = m;
  return ((Number(d) * 24 + Number(h)) * 60 + Number(min)) * 60_000 + Number(s) * 1000;
}

/**
 * Reads the request's ISO 8601 `timespan` (`PT15M`, `start/end`, `start/PT15M`, `PT15M/end`)
 * into `[from, to)`; absent means unbounded. Throws Log Analytics' 400 naming the field.
 */
export function parseTimespan(text: unknown, now: number): { from: number; to: number } {
  if (text === undefined || text === null || text === '')
    return { from: Number.NEGATIVE_INFINITY, to: Number.POSITIVE_INFINITY };
  const bad = (): never => {
    throw badArgument(
      'InvalidTimespan',
      `timespan: expected an ISO 8601 duration or interval such as PT15M or start/end, got ${JSON.stringify(text)}`,
    );
  };
  if (typeof text !== 'string') return bad();
  const parts = text.split('/');
  if (parts.length === 1) {
    const d = durationMs(text);
    return d === undefined ? bad() : { from: now - d, to: now };
  }
  if (parts.length !== 2) return bad();
  const [a = '', b = ''] = parts;
  const da = durationMs(a);
  const db = durationMs(b);
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  if (!Number.isNaN(ta) && !Number.isNaN(tb)) return { from: ta, to: tb };
  if (!Number.isNaN(ta) && db !== undefined) return { from: ta, to: ta + db };
  if (da !== undefined && !Number.isNaN(tb)) return { from: tb - da, to: tb };
  return bad();
}
