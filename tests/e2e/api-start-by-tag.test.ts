import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';

import { releaseIdFor } from '../../src/domain/release/index.js';
import type { ReleaseSummary, ReleaseView } from '../../src/domain/view/index.js';
import { repoRoot } from './support/buildApp.js';
import { PipelineWorld, users } from './support/PipelineWorld.js';
import { Given, Then, When } from './support/steps.js';

const run = promisify(execFile);
const registry = 'pwbiregistry.azurecr.io';

describe('api: start a release by tag (the registry resolves it to a digest)', () => {
  let world: PipelineWorld;
  before(async () => {
    // pwbi-api deploys tags 6.* and 9.* only
    world = await PipelineWorld.start({
      config: {
        edit: (doc) => {
          const source = doc.pipelines[0]?.source as { tags: string[] } | undefined;
          if (source !== undefined) source.tags = ['6.*', '9.*'];
        },
      },
    });
  });
  after(async () => {
    await world?.stop();
  });

  /** Registry calls (tag reads and token exchanges) the sandbox answered so far. */
  const registryCalls = () =>
    world.sandbox.armRequests().filter((r) => /^\/(acr|oauth2)\//.test(r.path));
  const releaseCount = async () =>
    ((await world.api.call('GET', '/api/releases')).body as { releases: ReleaseSummary[] }).releases
      .length;

  it('starts the pushed digest from its tag: 202, dev runs that digest, the view shows the tag', async () => {
    const pushed = await Given(
      'an image pushed whose Event Grid event is held (the push starts nothing)',
      async () => {
        const pushed = await world.push('6.0.0', 'healthy', { deliver: 'none' });
        assert.equal(await releaseCount(), 0);
        return pushed;
      },
    );

    const answer = await When('a user starts a release by tag', () =>
      world.api.start(`${registry}/pwbi-api:6.0.0`, users.engLead),
    );

    await Then('the release of the pushed digest starts and dev runs that digest', async () => {
      assert.equal(answer.status, 202, JSON.stringify(answer.body));
      assert.equal((answer.body as { id: string }).id, pushed.releaseId);
      await world.untilWaitingFor(pushed.releaseId, 'staging');
      assert.equal(world.sandbox.siteState('pwbi-api-dev').digest, pushed.digest);
      const view = (await world.api.get(pushed.releaseId)).body as ReleaseView;
      assert.equal(view.tag, '6.0.0');
      assert.equal(view.digest, pushed.digest);
      assert.equal(view.image, `${registry}/pwbi-api@${pushed.digest}`);
      assert.equal(view.requestedBy, users.engLead);
      assert.ok(registryCalls().some((r) => r.path === '/acr/v1/pwbi-api/_tags/6.0.0'));
    });
  });

  it('the same tag again is a duplicate (409); after a re-push it starts the new digest', async () => {
    const again = await world.api.start(`${registry}/pwbi-api:6.0.0`, users.engLead);
    assert.equal(again.status, 409);
    const moved = await world.push('6.0.0', 'healthy', { deliver: 'none' });
    const started = await world.api.start(`${registry}/pwbi-api:6.0.0`, users.engLead);
    assert.equal(started.status, 202, JSON.stringify(started.body));
    assert.equal((started.body as { id: string }).id, moved.releaseId);
  });

  it('an unknown tag is a 400 naming image, and starts nothing', async () => {
    const before = await releaseCount();
    const res = await fetch(`${world.host.url}/api/releases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ image: `${registry}/pwbi-api:9.9.9` }),
    });
    assert.equal(res.status, 400);
    assert.equal(res.headers.get('content-type'), 'application/problem+json');
    const problem = (await res.json()) as {
      errors: { field: string; expected: string; received: string }[];
    };
    assert.equal(problem.errors[0]?.field, 'image');
    assert.match(problem.errors[0]?.expected ?? '', /a tag that exists in pwbiregistry/);
    assert.match(problem.errors[0]?.received ?? '', /pwbi-api:9\.9\.9.*TAG_UNKNOWN/);
    await world.host.settle();
    assert.equal(await releaseCount(), before);
  });

  it('a registry or tag the configuration refuses is never looked up', async () => {
    const calls = registryCalls().length;
    const foreign = await world.api.start('foreign.azurecr.io/pwbi-api:1.0.0', users.engLead);
    assert.equal(foreign.status, 404);
    const unknownRepo = await world.api.start(`${registry}/other:1.0.0`, users.engLead);
    assert.equal(unknownRepo.status, 404);
    await world.push('latest', 'healthy', { deliver: 'none' });
    const filtered = await world.api.start(`${registry}/pwbi-api:latest`, users.engLead);
    assert.equal(filtered.status, 400);
    assert.match(JSON.stringify(filtered.body), /"field":"image".*tag filter of pwbi-api/);
    assert.equal(registryCalls().length, calls);
  });

  it('a throttled registry answers 503 with Retry-After, and starts nothing', async () => {
    const before = await releaseCount();
    world.sandbox.injectFault({ op: 'getTag', kind: '429', retryAfterSeconds: 4, times: 1 });
    const res = await fetch(`${world.host.url}/api/releases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ image: `${registry}/pwbi-api:6.0.0` }),
    });
    assert.equal(res.status, 503);
    assert.equal(res.headers.get('retry-after'), '4');
    await res.arrayBuffer();
    assert.equal(await releaseCount(), before);
  });

  it('`slotpilot start registry/repo:tag` starts the release of the tag', async () => {
    const pushed = await world.push('6.1.0', 'healthy', { deliver: 'none' });
    const { stdout } = await run(
      process.execPath,
      [path.join(repoRoot, 'cli', 'bin.js'), 'start', `${registry}/pwbi-api:6.1.0`],
      {
        cwd: repoRoot,
        env: {
          ...process.env,
          SLOTPILOT_URL: world.host.url,
          SLOTPILOT_FUNCTION_KEY: world.host.functionKey,
        },
      },
    );
    assert.equal(stdout.trim(), `release ${releaseIdFor('pwbi-api', pushed.digest)} started`);
    await world.untilWaitingFor(pushed.releaseId, 'staging');
  });
});
