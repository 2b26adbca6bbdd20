import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { RegistryPort, TagLookup, TagRef } from '../../../src/azure/ports/index.js';
import { parseConfig } from '../../../src/domain/config/index.js';
import { RetryAfterError, ValidationError } from '../../../src/domain/errors.js';
import { parseImageRef } from '../../../src/domain/images/index.js';
import { ApiError } from '../../../src/functions/http/ApiError.js';
import { toProblem } from '../../../src/functions/http/toProblem.js';
import { resolveStartImage } from '../../../src/functions/releases/resolveStartImage.js';

const config = parseConfig(
  `
pipelines:
  - name: api
    source: { registry: reg.azurecr.io, repository: api, tags: ['1.*', 'release-*'] }
    stages:
      - name: dev
        target: { subscription: sub, resourceGroup: rg, site: api-dev }
  - name: api-canary
    source: { registry: reg.azurecr.io, repository: api, tags: ['canary-*'] }
    stages:
      - name: dev
        target: { subscription: sub, resourceGroup: rg, site: api-canary }
`,
  { settings: {}, localMode: true },
);

const digest = `sha256:${'ab'.repeat(32)}`;

/** An in-memory registry that records every lookup it is asked for. */
class FakeRegistry implements RegistryPort {
  readonly lookups: TagRef[] = [];
  constructor(private readonly answer: (ref: TagRef) => Promise<TagLookup>) {}
  resolveTag(ref: TagRef): Promise<TagLookup> {
    this.lookups.push(ref);
    return this.answer(ref);
  }
}

const knows = (tags: Record<string, string>) =>
  new FakeRegistry((ref) =>
    Promise.resolve(
      tags[ref.tag] === undefined
        ? {
            status: 'missing',
            missing: 'tag',
            detail: 'TAG_UNKNOWN: the specified tag does not exist',
          }
        : { status: 'found', digest: tags[ref.tag] ?? '' },
    ),
  );

const start = (registry: RegistryPort, image: string, pipeline?: string) =>
  resolveStartImage(config, registry, parseImageRef(image), pipeline);

/** Asserts a rejection is the problem `status` naming `field` (when given). */
async function refused(
  promise: Promise<unknown>,
  status: number,
  field?: string,
): Promise<Record<string, unknown>> {
  let problem: ReturnType<typeof toProblem> | undefined;
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ValidationError || error instanceof ApiError, String(error));
    problem = toProblem(error, '/api/releases');
  }
  assert.ok(problem, 'expected a refusal');
  assert.equal(problem.status, status, JSON.stringify(problem.jsonBody));
  if (field !== undefined) assert.equal(problem.jsonBody.errors?.[0]?.field, field);
  return problem.jsonBody;
}

describe('POST /api/releases by tag: configuration first, then the registry', () => {
  it('refuses an image from a registry no pipeline names (404) without contacting it', async () => {
    const registry = knows({ '1.4.2': digest });
    await refused(start(registry, 'foreign.azurecr.io/api:1.4.2'), 404);
    await refused(start(registry, 'foreign.azurecr.io/api:1.4.2', 'api'), 400, 'image');
    await refused(start(registry, 'reg.azurecr.io/other:1.4.2'), 404);
    assert.deepEqual(registry.lookups, []);
  });

  it('refuses a tag every tag filter excludes (400 image) without a lookup', async () => {
    const registry = knows({ latest: digest });
    const body = await refused(start(registry, 'reg.azurecr.io/api:latest'), 400, 'image');
    assert.match(String(body.detail), /tag filter of api, api-canary/);
    const named = await refused(start(registry, 'reg.azurecr.io/api:latest', 'api'), 400, 'image');
    assert.match(String(named.detail), /a tag matching 1\.\* or release-\*.*got "latest"/);
    await refused(start(registry, 'reg.azurecr.io/api:1.4.2', 'nope'), 404);
    assert.deepEqual(registry.lookups, []);
  });

  it('picks the one pipeline whose filter takes the tag, then resolves it once', async () => {
    const registry = knows({ 'canary-7': digest });
    const target = await start(registry, 'reg.azurecr.io/api:canary-7');
    assert.equal(target.pipeline.name, 'api-canary');
    assert.deepEqual(target.image, {
      registry: 'reg.azurecr.io',
      repository: 'api',
      tag: 'canary-7',
      digest,
    });
    assert.equal(target.resolved, true);
    assert.deepEqual(registry.lookups, [
      { registry: 'reg.azurecr.io', repository: 'api', tag: 'canary-7' },
    ]);
  });

  it('answers 400 on image, naming the tag, when the registry does not know it', async () => {
    const registry = knows({});
    const body = await refused(start(registry, 'reg.azurecr.io/api:1.9.9'), 400, 'image');
    const [error] = body.errors as { expected: string; received: string }[];
    assert.match(error?.expected ?? '', /a tag that exists in reg\.azurecr\.io\/api/);
    assert.match(error?.received ?? '', /"reg\.azurecr\.io\/api:1\.9\.9".*TAG_UNKNOWN/);
    assert.equal(registry.lookups.length, 1);
  });

  it('passes a throttled registry on as 503 with Retry-After', async () => {
    const registry = new FakeRegistry(() =>
      Promise.reject(new RetryAfterError('resolveTag reg.azurecr.io/api:1.0: 429', 7_000)),
    );
    let problem: ReturnType<typeof toProblem> | undefined;
    try {
      await start(registry, 'reg.azurecr.io/api:1.0');
    } catch (error) {
      problem = toProblem(error, '/api/releases');
    }
    assert.equal(problem?.status, 503);
    assert.equal(problem?.headers['Retry-After'], '7');
  });

  it('uses a digest as given: no lookup, tag filters not applied (as before)', async () => {
    const registry = knows({});
    const target = await start(registry, `reg.azurecr.io/api:latest@${digest}`, 'api');
    assert.equal(target.image.digest, digest);
    assert.equal(target.image.tag, 'latest');
    assert.equal(target.resolved, false);
    assert.deepEqual(registry.lookups, []);
  });
});
