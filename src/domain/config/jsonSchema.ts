import { z } from 'zod';

import { configSchema } from './schema.js';

/**
 * The JSON Schema of `slotpilot.yaml` for editors, generated from the same zod schema the
 * loader validates with (input side: durations as strings, defaults optional).
 */
export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' });
  return {
    ...schema,
    title: 'Slotpilot pipeline config (slotpilot.yaml)',
    description:
      'Pipelines that Slotpilot releases: image source, stages, approvals, hooks, warm-up and monitoring. %NAME% strings read the app setting NAME.',
  };
}

/** The schema file's exact text (stable key order, trailing newline). */
export function configJsonSchemaText(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}
