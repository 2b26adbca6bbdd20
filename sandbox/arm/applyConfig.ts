import type { RampUpRule, SiteModel, SlotModel } from '../model/SlotModel.js';
import type { World } from '../model/World.js';
import { invalidContent } from './armErrors.js';

/**
 * Applies a PATCH (merge of `properties`) or PUT (replace) of `config/web`. A new
 * `linuxFxVersion` restarts the slot with that image; `experiments.rampUpRules` on production
 * reroutes production traffic from now on. Throws ARM's 400 naming the bad field.
 */
export function applyConfig(
  world: World,
  site: SiteModel,
  slot: SlotModel,
  body: unknown,
  replace: boolean,
): void {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalidContent(`body: expected an object with 'properties', got ${JSON.stringify(body)}`);
  }
  const props = (body as { properties?: unknown }).properties;
  if (typeof props !== 'object' || props === null || Array.isArray(props)) {
    throw invalidContent(`properties: expected an object, got ${JSON.stringify(props)}`);
  }
  const p = props as Record<string, unknown>;
  if ('linuxFxVersion' in p && typeof p['linuxFxVersion'] !== 'string') {
    throw invalidContent(
      `properties.linuxFxVersion: expected a string, got ${JSON.stringify(p['linuxFxVersion'])}`,
    );
  }
  const rules = readRules(p['experiments']);
  const before = slot.config['linuxFxVersion'];
  if (replace) {
    for (const key of Object.keys(slot.config)) delete slot.config[key];
  }
  Object.assign(slot.config, structuredClone(p));
  slot.lastModifiedMs = world.clock.now();
  if (slot.config['linuxFxVersion'] !== before)
    world.applyLinuxFxVersion(slot, slot.config['linuxFxVersion']);
  if (rules !== undefined && slot === site.production) world.setRouting(site, rules);
}

function readRules(experiments: unknown): RampUpRule[] | undefined {
  if (experiments === undefined || experiments === null) return undefined;
  const rules = (experiments as { rampUpRules?: unknown }).rampUpRules;
  if (rules === undefined || rules === null) return [];
  if (!Array.isArray(rules)) {
    throw invalidContent(
      `properties.experiments.rampUpRules: expected an array, got ${JSON.stringify(rules)}`,
    );
  }
  rules.forEach((r: unknown, i) => {
    const pct = (r as RampUpRule | null)?.reroutePercentage;
    if (pct !== undefined && (typeof pct !== 'number' || pct < 0 || pct > 100)) {
      throw invalidContent(
        `properties.experiments.rampUpRules[${i}].reroutePercentage: expected 0..100, got ${JSON.stringify(pct)}`,
      );
    }
  });
  return rules as RampUpRule[];
}
