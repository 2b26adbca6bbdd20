import type { Clock } from './Clock.js';
import { RealClock } from './RealClock.js';
import { ScaledClock } from './ScaledClock.js';
import { VirtualClock } from './VirtualClock.js';

/**
 * Reads a `--clock` value: `real`, `virtual` (when `allowVirtual`), `scale:N` (N times faster
 * from the real now) or `scale:N@<epoch ms>` (N times faster from that anchor: every process
 * given the same anchor, and a restarted one, agrees on the time). Throws a RangeError naming
 * what was expected and what arrived.
 *
 * @example parseClockSpec('scale:60@1767225600000', { allowVirtual: false })
 */
export function parseClockSpec(spec: string, opts: { allowVirtual: boolean }): Clock {
  if (spec === 'real') return new RealClock();
  if (spec === 'virtual' && opts.allowVirtual) return new VirtualClock(Date.now());
  const m = /^scale:(\d+(?:\.\d+)?)(?:@(\d+))?$/.exec(spec);
  if (m?.[1] !== undefined) {
    const factor = Number(m[1]);
    if (m[2] === undefined) return new ScaledClock(factor);
    const anchorMs = Number(m[2]);
    if (anchorMs > Date.now())
      throw new RangeError(`--clock: expected an anchor not in the future, got ${anchorMs}`);
    return new ScaledClock(factor, anchorMs, anchorMs);
  }
  const forms = opts.allowVirtual
    ? 'real, virtual, scale:N or scale:N@<epoch ms>'
    : 'real, scale:N or scale:N@<epoch ms>';
  throw new RangeError(`--clock: expected ${forms}, got "${spec}"`);
}
