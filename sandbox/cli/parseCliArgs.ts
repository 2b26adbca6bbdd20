import type { Clock } from '../../devhost/clock/index.js';
import { RealClock } from '../../devhost/clock/index.js';
import { parseClockSpec } from '../../devhost/clock/parseClockSpec.js';

/** Options of `npm run sandbox`. */
export interface CliOptions {
  scenario?: string;
  port?: number;
  eventGridUrl?: string;
  clock: Clock;
  azurite: boolean;
}

/**
 * Reads `[--scenario FILE] [--port N] [--event-grid-url URL] [--clock real|scale:N|scale:N@<epoch ms>] [--no-azurite]`.
 * Throws naming the flag, what was expected and what arrived.
 */
export function parseCliArgs(argv: string[]): CliOptions {
  const out: CliOptions = { clock: new RealClock(), azurite: true };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new RangeError(`${flag}: expected a value, got none`);
      return v;
    };
    switch (flag) {
      case '--scenario':
        out.scenario = value();
        break;
      case '--port': {
        const v = value();
        const port = Number(v);
        if (!Number.isInteger(port) || port < 0 || port > 65535)
          throw new RangeError(`--port: expected 0..65535, got ${v}`);
        out.port = port;
        break;
      }
      case '--event-grid-url':
        out.eventGridUrl = value();
        break;
      case '--clock': {
        const v = value();
        if (!/^(?:real|scale:.*)$/.test(v))
          throw new RangeError(`--clock: expected real or scale:N, got ${v}`);
        out.clock = parseClockSpec(v, { allowVirtual: false });
        break;
      }
      case '--no-azurite':
        out.azurite = false;
        break;
      default:
        throw new RangeError(
          `argument: expected --scenario, --port, --event-grid-url, --clock or --no-azurite, got ${String(flag)}`,
        );
    }
  }
  return out;
}
