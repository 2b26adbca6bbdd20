// Regenerates schema/slotpilot.schema.json from the config's zod schema.
import { writeFileSync } from 'node:fs';

import { configJsonSchemaText } from '../src/domain/config/jsonSchema.js';

const target = new URL('../schema/slotpilot.schema.json', import.meta.url);
writeFileSync(target, configJsonSchemaText());
console.log(`wrote ${target.pathname}`);
