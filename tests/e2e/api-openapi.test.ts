import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { Ajv2020 } from 'ajv/dist/2020.js';

import { type DevHost, startDevHost, VirtualClock } from '../../devhost/index.js';
import { loadApp } from '../../devhost/load/loadApp.js';
import { type Sandbox, startSandbox } from '../../sandbox/index.js';
import { issueToken } from '../../src/domain/identity/index.js';
import { appSettingsFor, e2eSigningKey } from './support/appSettings.js';
import { buildAppOnce, repoRoot } from './support/buildApp.js';
import { writePipelineConfig } from './support/pipelineConfig.js';

interface Operation {
  operationId: string;
  requestBody?: { content: Record<string, { schema: { $ref?: string } }> };
  security: Record<string, string[]>[];
}
interface Document {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { examples?: unknown[]; required?: string[] }> };
}
type JsonSchema = { properties?: Record<string, { maxLength?: number }>; required?: string[] };

/** "METHOD /api/route" for every HTTP trigger the app registered, `{id:guid}` style kept plain. */
async function registeredRoutes(): Promise<Set<string>> {
  const main = (
    JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { main: string }
  ).main;
  // The dev host loaded the app in this process already: this returns what it registered.
  const registry = await loadApp(path.resolve(repoRoot), main, () => {});
  const routes = new Set<string>();
  for (const fn of registry.byTrigger('httpTrigger')) {
    const route = typeof fn.trigger.route === 'string' ? fn.trigger.route : fn.name;
    const methods = (fn.trigger.methods as string[] | undefined) ?? ['GET', 'POST'];
    for (const method of methods) routes.add(`${method.toUpperCase()} /api/${route}`);
  }
  return routes;
}

describe('api: the OpenAPI document matches the routes and bodies the app serves', () => {
  let sandbox: Sandbox;
  let host: DevHost;
  let doc: Document;
  before(async () => {
    buildAppOnce();
    const clock = new VirtualClock(Date.UTC(2026, 0, 5, 9, 0, 0));
    sandbox = await startSandbox({ clock, azurite: false });
    host = await startDevHost({
      appDir: repoRoot,
      clock,
      strictAuth: true,
      settings: appSettingsFor(sandbox, writePipelineConfig()),
    });
    const res = await fetch(`${host.url}/api/openapi.json`);
    assert.equal(res.status, 200, 'served without a function key');
    doc = (await res.json()) as Document;
  });
  after(async () => {
    await host?.stop();
    await sandbox?.stop();
  });

  it('is OpenAPI 3.1 and lists exactly the routes and methods the app registers', async () => {
    assert.equal(doc.openapi, '3.1.0');
    const documented = new Set<string>();
    for (const [route, methods] of Object.entries(doc.paths)) {
      for (const method of Object.keys(methods))
        documented.add(`${method.toUpperCase()} /api${route}`);
    }
    const registered = await registeredRoutes();
    const undocumented = [...registered].filter((r) => !documented.has(r));
    const stale = [...documented].filter((r) => !registered.has(r));
    assert.deepEqual(undocumented, [], 'routes the app serves that the document lacks');
    assert.deepEqual(stale, [], 'routes the document lists that the app does not serve');
    assert.ok(registered.has('POST /api/releases/{id}/approve'));
  });

  it('documents every JSON body with a schema its examples satisfy, and the API agrees', async () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    ajv.addSchema(doc, 'openapi');
    const token = await issueToken({
      user: 'nobody@contoso.com',
      signingKey: e2eSigningKey,
      ttlMs: 3_600_000,
    });
    const post = async (route: string, body: unknown) => {
      const res = await fetch(
        `${host.url}/api${route.replace('{id}', 'pwbi-api-00000000000000000000')}`,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-functions-key': host.functionKey,
            authorization: `Bearer ${token}`,
          },
          body: JSON.stringify(body),
        },
      );
      const answer = (await res.json().catch(() => ({}))) as { errors?: { field: string }[] };
      return { status: res.status, fields: (answer.errors ?? []).map((e) => e.field) };
    };
    let checked = 0;
    for (const [route, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const ref = op.requestBody?.content['application/json']?.schema.$ref;
        if (method !== 'post' || ref === undefined) continue;
        const name = ref.replace('#/components/schemas/', '');
        const schema = doc.components.schemas[name] as JsonSchema & { examples?: unknown[] };
        const validate = ajv.compile({ $ref: `openapi${ref}` });
        const examples = schema.examples ?? [];
        assert.ok(examples.length > 0, `${name} has an example`);
        for (const example of examples) {
          assert.ok(validate(example), `${name} example: ${ajv.errorsText(validate.errors)}`);
          const accepted = await post(route, example);
          assert.ok(
            accepted.status !== 400 || accepted.fields.length === 0,
            `${op.operationId} refused its documented example: ${accepted.fields.join(', ')}`,
          );
          for (const field of schema.required ?? []) {
            const without = { ...(example as Record<string, unknown>) };
            delete without[field];
            assert.equal(validate(without), false, `${name} without ${field}`);
            const refused = await post(route, without);
            assert.equal(refused.status, 400, `${op.operationId} without ${field}`);
            assert.deepEqual(refused.fields, [field], `${op.operationId} names ${field}`);
          }
          for (const [field, property] of Object.entries(schema.properties ?? {})) {
            if (property.maxLength === undefined) continue;
            const long = { ...(example as object), [field]: 'x'.repeat(property.maxLength + 1) };
            assert.equal(validate(long), false, `${name}.${field} too long`);
            const refused = await post(route, long);
            assert.deepEqual(
              [refused.status, refused.fields],
              [400, [field]],
              `${op.operationId} ${field} too long`,
            );
          }
          checked += 1;
        }
      }
    }
    assert.ok(checked >= 6, `checked ${checked} bodies`);
  });
});
