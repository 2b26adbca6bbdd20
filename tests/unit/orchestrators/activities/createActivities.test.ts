import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { createActivities } from '../../../../src/activities/index.js';
import { NonRetryableError } from '../../../../src/domain/errors.js';
import { hashCallbackToken, hookCallbackKey } from '../../../../src/domain/release/index.js';
import { digest, image, oldDigest } from '../support/fixtures.js';
import { fakeDeps, fakeDurable } from './fakePorts.js';

const dev = { subscription: 'sub-1', resourceGroup: 'pwbi-dev', site: 'pwbi-api-dev' };
const prod = { subscription: 'sub-1', resourceGroup: 'pwbi-prod', site: 'pwbi-api-prod' };
const prodSlot = { ...prod, slot: 'staging' };
const oldImage = `pwbiregistry.azurecr.io/pwbi-api@${oldDigest}`;
const noDurable = () => {
  throw new Error('not needed');
};

describe('release activities', () => {
  it('deployImage deploys by digest and is a no-op the second time', async () => {
    const { deps, record, setSlot } = fakeDeps();
    setSlot(dev, oldImage);
    const a = createActivities(deps);
    const input = { pipeline: 'pwbi-api', stage: 'dev', target: dev, image };
    assert.deepEqual(await a.deployImage(input, noDurable), {
      changed: true,
      hostName: 'pwbi-api-dev.azurewebsites.net',
    });
    assert.equal((await a.deployImage(input, noDurable)).changed, false);
    assert.equal(record.deploys.length, 2);
  });

  it('deployImage refuses an image from another registry or repository, or not pinned by digest', async () => {
    const { deps, record } = fakeDeps();
    const a = createActivities(deps);
    for (const bad of [
      `evil.azurecr.io/pwbi-api@${digest}`,
      `pwbiregistry.azurecr.io/other@${digest}`,
      'pwbiregistry.azurecr.io/pwbi-api:1.2.0',
    ]) {
      await assert.rejects(
        a.deployImage({ pipeline: 'pwbi-api', stage: 'dev', target: dev, image: bad }, noDurable),
        NonRetryableError,
      );
    }
    assert.equal(record.deploys.length, 0);
  });

  it('checkSite is ready only when configured with the digest, running, healthy and (verify contract) serving it', async () => {
    const { deps, setSlot, setProbe } = fakeDeps();
    const a = createActivities(deps);
    const look = () =>
      a.checkSite(
        { target: dev, digest, path: '/health', expectStatus: 200, timeoutMs: 1000 },
        noDurable,
      );
    setSlot(dev, oldImage);
    assert.equal((await look()).ready, false);
    setSlot(dev, image);
    setProbe(false);
    assert.equal((await look()).ready, false);
    setProbe(true, oldDigest);
    const stale = await look();
    assert.equal(stale.ready, false, 'the old container still answers: not ready');
    assert.match(stale.detail, /\/version does not name sha256:abab/);
    setProbe(true, digest);
    assert.equal((await look()).ready, true);
    // Without a verify contract (staging has none) App Service's config and state decide
    const staging = {
      subscription: 'sub-1',
      resourceGroup: 'pwbi-staging',
      site: 'pwbi-api-staging',
    };
    setSlot(staging, image);
    setProbe(true, oldDigest);
    const plain = await a.checkSite(
      { target: staging, digest, path: '/health', expectStatus: 200, timeoutMs: 1000 },
      noDurable,
    );
    assert.equal(plain.ready, true);
  });

  it('startSwap never swaps when production already runs the digest', async () => {
    const { deps, record, setSlot } = fakeDeps();
    const a = createActivities(deps);
    setSlot(prod, image);
    setSlot(prodSlot, oldImage);
    assert.deepEqual(await a.startSwap({ target: prodSlot, digest }, noDurable), {
      kind: 'alreadySwapped',
    });
    assert.equal(record.swaps.length, 0);
  });

  it('startSwap refuses when the slot lost the image, and starts otherwise', async () => {
    const { deps, record, setSlot } = fakeDeps();
    const a = createActivities(deps);
    setSlot(prod, oldImage);
    setSlot(prodSlot, oldImage);
    await assert.rejects(a.startSwap({ target: prodSlot, digest }, noDurable), NonRetryableError);
    setSlot(prodSlot, image);
    const started = await a.startSwap({ target: prodSlot, digest }, noDurable);
    assert.equal(started.kind, 'started');
    assert.deepEqual(record.swaps, ['pwbi-api-prod/staging']);
  });

  it('startSwap sees a swap that completes between its reads as done, never as a refusal', async () => {
    const { deps, record, setSlot } = fakeDeps();
    setSlot(prod, oldImage);
    setSlot(prodSlot, image);
    const getSlot = deps.appService.getSlot.bind(deps.appService);
    let reads = 0;
    deps.appService.getSlot = async (ref) => {
      reads += 1;
      if (reads === 2) {
        setSlot(prod, image);
        setSlot(prodSlot, oldImage);
      }
      return getSlot(ref);
    };
    const a = createActivities(deps);
    assert.deepEqual(await a.startSwap({ target: prodSlot, digest }, noDurable), {
      kind: 'alreadySwapped',
    });
    assert.equal(record.swaps.length, 0);
  });

  it('startSwap reports a swap already running instead of starting a second one', async () => {
    const { deps, setSlot } = fakeDeps();
    setSlot(prod, oldImage);
    setSlot(prodSlot, image);
    deps.appService.beginSwap = () => {
      const refused = Object.assign(
        new NonRetryableError('409 Conflict: another swap operation is in progress'),
        { statusCode: 409 },
      );
      return Promise.reject(refused);
    };
    const a = createActivities(deps);
    assert.deepEqual(await a.startSwap({ target: prodSlot, digest }, noDurable), {
      kind: 'inProgress',
    });
    deps.appService.beginSwap = () =>
      Promise.reject(
        Object.assign(new NonRetryableError('409 Conflict: slot stopped'), { statusCode: 409 }),
      );
    await assert.rejects(a.startSwap({ target: prodSlot, digest }, noDurable), /slot stopped/);
  });

  it('callHook posts to the configured URL with Slotpilot’s callback URL and a one-call token', async () => {
    const { deps, claims, record, setSlot } = fakeDeps();
    setSlot({ ...dev, site: 'pwbi-api-staging', resourceGroup: 'pwbi-staging' }, image);
    const a = createActivities(deps);
    const input = {
      releaseId: 'r1',
      pipeline: 'pwbi-api',
      stage: 'staging',
      hook: 'migrate',
      image,
      digest,
      target: { subscription: 'sub-1', resourceGroup: 'pwbi-staging', site: 'pwbi-api-staging' },
      instanceId: 'r1-staging',
      timeoutMs: 900_000,
    };
    const before = Date.now();
    const answer = await a.callHook(input, noDurable);
    assert.equal(answer.kind, 'running');
    const callbackId = answer.kind === 'running' ? answer.callbackId : '';
    assert.match(callbackId, /^[A-Za-z0-9_-]{22}$/);
    const request = record.hookCalls[0]?.request;
    assert.equal(record.hookCalls[0]?.url, 'https://hooks.test/migrate');
    assert.equal(request?.callbackUrl, `https://slotpilot.test/api/hooks/${callbackId}`);
    assert.equal(request?.digest, digest);
    const token = request?.callbackToken ?? '';
    assert.match(token, /^[A-Za-z0-9_-]{43}$/, 'a random 256-bit token');

    // The claim store keeps the binding and the token's hash, never the token.
    const stored = await claims.read(hookCallbackKey(callbackId));
    assert.deepEqual(
      { ...stored, expiresAt: undefined },
      {
        callbackId,
        releaseId: 'r1',
        pipeline: 'pwbi-api',
        stage: 'staging',
        hook: 'migrate',
        instanceId: 'r1-staging',
        eventName: 'hook-staging-migrate',
        tokenSha256: hashCallbackToken(token),
        expiresAt: undefined,
      },
    );
    assert.ok(!JSON.stringify(stored).includes(token));
    const expiresMs = Date.parse(String(stored?.['expiresAt']));
    assert.ok(expiresMs >= before + 900_000 && expiresMs <= Date.now() + 900_000);

    // A retried call is a new hook call: its own id and token.
    const again = await a.callHook(input, noDurable);
    assert.notEqual(again.kind === 'running' ? again.callbackId : '', callbackId);
    assert.notEqual(record.hookCalls[1]?.request.callbackToken, token);
  });

  it('notify sends to the pipeline webhook, and critical messages to the critical one too', async () => {
    const { deps, record } = fakeDeps();
    const a = createActivities(deps);
    const base = { releaseId: 'r1', pipeline: 'pwbi-api', image, text: 't' };
    await a.notify(
      { ...base, key: 'r1:a', outcome: 'waiting for approval', severity: 'info' },
      noDurable,
    );
    await a.notify(
      { ...base, key: 'r1:b', outcome: 'rolled back', severity: 'critical' },
      noDurable,
    );
    assert.deepEqual(
      record.notifications.map((x) => x.url),
      ['https://slack.test/releases', 'https://slack.test/releases', 'https://slack.test/critical'],
    );
    // Slack links open the release's console page; the API's approve endpoint is named too.
    assert.deepEqual(record.notifications[0]?.n.links, {
      release: 'https://slotpilot.test/api/console#/releases/r1',
      approve: 'https://slotpilot.test/api/releases/r1/approve',
    });
    assert.deepEqual(record.notifications[1]?.n.links, {
      release: 'https://slotpilot.test/api/console#/releases/r1',
    });
  });

  it('recordAudit writes an event once', async () => {
    const { deps, record } = fakeDeps();
    const a = createActivities(deps);
    const e = {
      eventId: 'r1:started',
      releaseId: 'r1',
      pipeline: 'pwbi-api',
      at: 'T',
      type: 'started',
    };
    await a.recordAudit(e, noDurable);
    await a.recordAudit(e, noDurable);
    assert.equal(record.audit.length, 1);
  });

  it('stopStage terminates a stage, flushEvent raises a marker, readCancelRequest reads the release', async () => {
    const { deps } = fakeDeps();
    const durable = fakeDurable();
    const a = createActivities(deps);
    const d = () => durable.ops;
    await a.stopStage({ instanceId: 'r1-staging', reason: 'canceled by x' }, d);
    await a.flushEvent({ instanceId: 'r1', eventName: 'cancel' }, d);
    assert.deepEqual(durable.raised, [
      { instanceId: 'r1-staging', name: 'terminate', data: 'canceled by x' },
      { instanceId: 'r1', name: 'cancel', data: { flush: true } },
    ]);
    assert.equal(await a.readCancelRequest({ releaseId: 'r1' }, d), null);
    const request = { by: 'x@contoso.com', reason: 'stop', at: 'T' };
    durable.instances.set('r1', {
      runtimeStatus: 'Running',
      input: {},
      customStatus: { cancelRequested: request },
    });
    assert.deepEqual(await a.readCancelRequest({ releaseId: 'r1' }, d), request);
  });

  it('the production lock goes to one holder at a time and is idempotent for its holder', async () => {
    const { deps } = fakeDeps();
    const durable = fakeDurable();
    const a = createActivities(deps);
    const d = () => durable.ops;
    const r1 = {
      site: 'pwbi-api-prod',
      holder: 'r1-production',
      releaseId: 'r1',
    };
    const r2 = {
      site: 'pwbi-api-prod',
      holder: 'r2-production',
      releaseId: 'r2',
    };
    assert.deepEqual(await a.tryAcquireLock(r1, d), { acquired: true });
    assert.deepEqual(await a.tryAcquireLock(r1, d), { acquired: true }, 'idempotent for r1');
    assert.deepEqual(await a.tryAcquireLock(r2, d), { acquired: false, heldBy: 'r1' });
    await a.releaseLock({ site: 'pwbi-api-prod', holder: 'r2-production' }, d);
    assert.deepEqual(durable.raised, [], 'only the holder can release');
    await a.releaseLock({ site: 'pwbi-api-prod', holder: 'r1-production' }, d);
    assert.deepEqual(durable.raised, [
      { instanceId: 'lock-pwbi-api-prod', name: 'terminate', data: 'released by r1-production' },
    ]);
    durable.instances.set('lock-pwbi-api-prod', {
      runtimeStatus: 'Completed',
      input: {},
      customStatus: null,
    });
    assert.deepEqual(await a.tryAcquireLock(r2, d), { acquired: true });
    assert.equal(await a.isInstanceActive({ instanceId: 'lock-pwbi-api-prod' }, d), true);
    assert.equal(await a.isInstanceActive({ instanceId: 'nope' }, d), false);
  });
});
