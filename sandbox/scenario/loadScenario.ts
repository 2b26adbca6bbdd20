import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { parse } from 'yaml';

import { type Scenario, type ScenarioInput, scenarioSchema } from './Scenario.js';

/** Path of the built-in scenario matching the repository's `slotpilot.yaml`. */
export const defaultScenarioPath = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'scenarios',
  'default.yaml',
);

/**
 * Reads and validates a scenario: a file path (YAML or JSON), an object, or nothing for the
 * default scenario. Every problem is listed as `path.to.field: message`.
 */
export function loadScenario(source?: string | ScenarioInput): Scenario {
  const raw: unknown =
    source === undefined || typeof source === 'string'
      ? parse(readFileSync(source ?? defaultScenarioPath, 'utf8'))
      : source;
  const result = scenarioSchema.safeParse(raw);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new TypeError(`invalid sandbox scenario:\n${lines.join('\n')}`);
  }
  return result.data;
}
