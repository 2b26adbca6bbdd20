import { parseDuration } from '../util/parseDuration.js';

/**
 * How an image behaves once running. Written as `healthy`, `errors[:N]` (N % of requests 5xx,
 * default 20), `slow[:MS]` (p95 ≈ MS, default 3000), `crash` (never becomes healthy) or
 * `unhealthy-later[:T]` (healthy, then /health 503 and every request 5xx after T of sandbox
 * time since start, default 10m). A `+version` suffix (`healthy+version`) makes the app expose
 * its image as real apps may choose to: `GET /version` answers `{image, digest}` and every
 * answer carries `x-sandbox-image`; without it the app names its image nowhere.
 */
export type Profile = (
  | { kind: 'healthy' }
  | { kind: 'errors'; percent: number }
  | { kind: 'slow'; p95Ms: number }
  | { kind: 'crash' }
  | { kind: 'unhealthy-later'; afterMs: number }
) & { exposesVersion?: boolean };

/** Reads a profile string; throws a RangeError naming the field and the accepted forms. */
export function parseProfile(text: string, field = 'profile'): Profile {
  if (text.endsWith('+version')) {
    return { ...parseProfile(text.slice(0, -'+version'.length), field), exposesVersion: true };
  }
  const [name, arg] = text.split(':', 2) as [string, string | undefined];
  switch (name) {
    case 'healthy':
      if (arg === undefined) return { kind: 'healthy' };
      break;
    case 'errors': {
      const percent = arg === undefined ? 20 : Number(arg);
      if (Number.isFinite(percent) && percent >= 0 && percent <= 100)
        return { kind: 'errors', percent };
      break;
    }
    case 'slow': {
      const p95Ms =
        arg === undefined ? 3000 : parseDuration(/^\d+$/.test(arg) ? Number(arg) : arg, field);
      return { kind: 'slow', p95Ms };
    }
    case 'crash':
      if (arg === undefined) return { kind: 'crash' };
      break;
    case 'unhealthy-later': {
      const afterMs =
        arg === undefined ? 600_000 : parseDuration(/^\d+$/.test(arg) ? Number(arg) : arg, field);
      return { kind: 'unhealthy-later', afterMs };
    }
    default:
      break;
  }
  throw new RangeError(
    `${field}: expected healthy, errors[:N], slow[:MS], crash or unhealthy-later[:MS] (each optionally +version), got ${JSON.stringify(text)}`,
  );
}
