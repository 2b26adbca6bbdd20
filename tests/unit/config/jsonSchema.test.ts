import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';

import { configJsonSchemaText } from '../../../src/domain/config/jsonSchema.js';

const schemaFile = new URL('../../../schema/slotpilot.schema.json', import.meta.url);

describe('the config JSON Schema', () => {
  it('is up to date with the zod schema (run `npm run schema` when this fails)', () => {
    assert.equal(readFileSync(schemaFile, 'utf8'), configJsonSchemaText());
  });

  it('accepts the repo slotpilot.yaml and rejects an unknown key', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object);
    const config: unknown = parse(
      readFileSync(new URL('../../../slotpilot.yaml', import.meta.url), 'utf8'),
    );
    assert.equal(validate(config), true, JSON.stringify(validate.errors));
    const bad = { pipelines: [{ name: 'x', colour: 'red' }] };
    assert.equal(validate(bad), false);
    assert.ok(validate.errors?.some((e) => e.keyword === 'additionalProperties'));
  });
});
