import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { CallHookInput, CheckSiteInput } from '../../../src/activities/contracts.js';
import { NonRetryableError, RetryAfterError } from '../../../src/domain/errors.js';
import type { StageProgress, StageResult } from '../../../src/domain/release/index.js';
import { deployStage } from '../../../src/orchestrators/stage/deployStage.js';
import type { ScriptedEvent } from '../support/durable/DurableScript.js';
import { runOrchestration, type Script } from '../support/durable/runOrchestration.js';
import { digest, stageInput } from './support/fixtures.js';

const minuteMs = 60_000;

type HookMode = 'pass' | 'fail' | 'callback';

function world(
  hooks: Record<string, HookMode> = {},
  events: ScriptedEvent[] = [],
  readyAfter = 0,
): Script {
  return {
    activities: {
      deployImage: () => ({ changed: true, hostName: 'site.azurewebsites.net' }),
      checkSite: (_: CheckSiteInput, n: number) =>
        n > readyAfter
          ? {
              ready: true,
              configuredDigest: digest,
              servedDigest: digest,
              state: 'Running',
              status: 200,
              detail: 'GET /health: 200',
            }
          : { ready: false, state: 'Running', status: 0, detail: 'connection refused' },
      callHook: (input: CallHookInput) => {
        const mode = hooks[input.hook] ?? 'pass';
        if (mode === 'callback') return { kind: 'running', callbackId: `call-${input.hook}` };
        return {
          kind: 'result',
          status: mode === 'pass' ? 'passed' : 'failed',
          detail: `${input.hook} ${mode}`,
        };
      },
    },
    events,
  };
}

const run = (stage: string, script: Script) =>
  runOrchestration<StageResult>(deployStage, stageInput(stage), script, `rel-${stage}`);

describe('deployStage', () => {
  it('deploys by digest, waits until the site serves it, smoke-checks, and succeeds (dev)', async () => {
    const r = await run('dev', world({}, [], 2));
    assert.equal(r.output?.status, 'Succeeded');
    const deploy = r.activity('deployImage');
    assert.equal(deploy.length, 1);
    assert.match((deploy[0]?.input as { image: string }).image, /@sha256:/);
    assert.ok(r.activity('checkSite').length >= 3);
    assert.ok(r.elapsedMs >= 10_000, 'waited with durable timers between looks');
    assert.deepEqual(
      r.output?.checks.map((c) => [c.name, c.status]),
      [['smoke', 'Passed']],
    );
    assert.equal(r.activity('callHook').length, 0);
  });

  it('fails when the site never becomes healthy, after the smoke timeout, and runs no hooks', async () => {
    const r = await run('staging', world({}, [], 1_000));
    assert.equal(r.output?.status, 'Failed');
    assert.match(r.output?.reason ?? '', /did not become healthy/);
    assert.ok(r.elapsedMs >= 2 * minuteMs - 5_000);
    assert.equal(r.activity('callHook').length, 0);
  });

  it('runs hooks by phase: preMigrate, then migrate, then all verify hooks together', async () => {
    const r = await run(
      'staging',
      world({ migrate: 'callback' }, [
        {
          name: 'hook-staging-migrate',
          data: { status: 'passed', callbackId: 'call-migrate' },
          atMs: 5 * minuteMs,
        },
      ]),
    );
    assert.equal(r.output?.status, 'Succeeded');
    const order = r.activity('callHook').map((c) => (c.input as CallHookInput).hook);
    assert.deepEqual(order, ['db-backup', 'migrate', 'e2e', 'load-test']);
    const verifyCalls = r
      .activity('callHook')
      .filter((c) => ['e2e', 'load-test'].includes((c.input as CallHookInput).hook));
    assert.equal(new Set(verifyCalls.map((c) => c.atMs)).size, 1, 'verify hooks start together');
    assert.ok(r.elapsedMs >= 5 * minuteMs);
    const callback = r.activity('callHook')[1]?.input as CallHookInput;
    assert.equal(callback.instanceId, 'rel-staging');
    assert.deepEqual(
      r.output?.checks.map((c) => [c.name, c.status]),
      [
        ['smoke', 'Passed'],
        ['db-backup', 'Passed'],
        ['migrate', 'Passed'],
        ['e2e', 'Passed'],
        ['load-test', 'Passed'],
      ],
    );
  });

  it('runs onFailure hooks when migrate fails, then fails the stage', async () => {
    const r = await run('staging', world({ migrate: 'fail' }));
    assert.equal(r.output?.status, 'Failed');
    assert.match(r.output?.reason ?? '', /hook migrate failed/);
    const hooks = r.activity('callHook').map((c) => (c.input as CallHookInput).hook);
    assert.deepEqual(hooks, ['db-backup', 'migrate', 'restore']);
  });

  it('names the awaited hook calls while it waits, and ignores a result for another call', async () => {
    const r = await run(
      'staging',
      world({ migrate: 'callback' }, [
        {
          name: 'hook-staging-migrate',
          data: { status: 'failed', callbackId: 'call-from-an-earlier-run' },
          atMs: 2 * minuteMs,
        },
        {
          name: 'hook-staging-migrate',
          data: { status: 'passed', callbackId: 'call-migrate' },
          atMs: 5 * minuteMs,
        },
      ]),
    );
    assert.equal(r.output?.status, 'Succeeded', 'the other call’s failure decided nothing');
    assert.ok(r.elapsedMs >= 5 * minuteMs);
    const awaited = (r.statuses as StageProgress[]).map((s) => s.awaitingCallbacks);
    assert.ok(
      awaited.some((ids) => ids?.join() === 'call-migrate'),
      'published while waiting',
    );
    assert.equal(awaited.at(-1), undefined, 'cleared once answered');
  });

  it('treats a callback that never comes as a timeout at the hook deadline, and restores', async () => {
    const r = await run('staging', world({ migrate: 'callback' }));
    assert.equal(r.output?.status, 'Failed');
    assert.match(r.output?.reason ?? '', /migrate failed: timed out after 15m/);
    const calls = r.activity('callHook');
    const at = (hook: string) => calls.find((c) => (c.input as CallHookInput).hook === hook)?.atMs;
    const migrateAt = at('migrate');
    assert.ok(migrateAt !== undefined);
    // the restore runs the moment migrate's 15-minute deadline passes, not later
    assert.equal(at('restore'), migrateAt + 15 * minuteMs);
  });

  it('fails on a failing verify hook without running onFailure', async () => {
    const r = await run(
      'staging',
      world({ 'load-test': 'callback' }, [
        {
          name: 'hook-staging-load-test',
          data: { status: 'failed', detail: 'p95 3s', callbackId: 'call-load-test' },
        },
      ]),
    );
    assert.equal(r.output?.status, 'Failed');
    assert.match(r.output?.reason ?? '', /load-test failed: p95 3s/);
    assert.ok(!r.activity('callHook').some((c) => (c.input as CallHookInput).hook === 'restore'));
  });

  it('retries a transient deploy failure after the delay it asks for', async () => {
    const script = world();
    script.activities = {
      ...script.activities,
      deployImage: (_: unknown, n: number) => {
        if (n === 1) throw new RetryAfterError('429 from ARM', 7_000);
        return { changed: true, hostName: 'x' };
      },
    };
    const r = await run('dev', script);
    assert.equal(r.output?.status, 'Succeeded');
    const deploys = r.activity('deployImage');
    assert.equal(deploys.length, 2);
    assert.equal(deploys[1]?.atMs, 7_000);
  });

  it('rides out a burst of 429/503 that outlasts five attempts (Retry-After 1 s)', async () => {
    // Given ARM answers the first 12 deploys with 429 or 503, each asking to retry after 1 s
    const script = world();
    script.activities = {
      ...script.activities,
      deployImage: (_: unknown, n: number) => {
        if (n <= 12) {
          throw new RetryAfterError(
            n % 2 === 0 ? '503 ServiceUnavailable' : '429 Throttled',
            1_000,
          );
        }
        return { changed: true, hostName: 'x' };
      },
    };
    // When the stage runs
    const r = await run('dev', script);
    // Then the deploy succeeds at its 13th attempt, waits grew with backoff (not 1 s each)
    assert.equal(r.output?.status, 'Succeeded', r.output?.reason);
    const at = r.activity('deployImage').map((c) => c.atMs / 1000);
    assert.deepEqual(at.slice(0, 6), [0, 2, 6, 14, 30, 60]);
    assert.equal(at.length, 13);
    assert.ok((at.at(-1) ?? 0) <= 600, 'within the 10 minutes a deploy may take');
  });

  it('fails a deploy that stays throttled past its 10 minutes, naming the last error', async () => {
    const script = world();
    script.activities = {
      ...script.activities,
      deployImage: () => {
        throw new RetryAfterError('updateConfiguration: 429 SubscriptionRequestsThrottled', 1_000);
      },
    };
    const r = await run('dev', script);
    assert.equal(r.output?.status, 'Failed');
    assert.match(r.output?.reason ?? '', /deployImage: updateConfiguration: 429/);
    const last = r.activity('deployImage').at(-1)?.atMs ?? 0;
    assert.ok(last <= 10 * minuteMs && last > 9 * minuteMs, `last attempt at ${last} ms`);
  });

  it('retries a look at the site that ARM throttles, within the wait for readiness', async () => {
    const script = world();
    const checkSite = script.activities?.['checkSite'];
    script.activities = {
      ...script.activities,
      checkSite: (input: never, n: number, raise: (name: string, data: unknown) => void) => {
        if (n <= 6) throw new RetryAfterError('getSlot: 429', 1_000);
        return checkSite?.(input, n, raise);
      },
    };
    const r = await run('dev', script);
    assert.equal(r.output?.status, 'Succeeded', r.output?.reason);
  });

  it('does not retry a non-retryable failure (an image from outside the pipeline)', async () => {
    const script = world();
    script.activities = {
      ...script.activities,
      deployImage: () => {
        throw new NonRetryableError(
          'image: expected pwbiregistry.azurecr.io/pwbi-api@…, got evil.io/x',
        );
      },
    };
    const r = await run('dev', script);
    assert.equal(r.output?.status, 'Failed');
    assert.equal(r.activity('deployImage').length, 1);
    assert.match(r.output?.reason ?? '', /deployImage: image: expected/);
  });

  it('publishes its progress as custom status', async () => {
    const r = await run('staging', world());
    const steps = r.statuses.map((s) => (s as StageProgress).step);
    assert.ok(steps.some((s) => s.startsWith('deploying')));
    assert.ok(steps.includes('running migrate hooks'));
    assert.equal(r.lastStatus<StageProgress>().stage, 'staging');
  });
});
