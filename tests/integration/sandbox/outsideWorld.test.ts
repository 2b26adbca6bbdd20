import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';

import { Ajv } from 'ajv';

import { type Sandbox, startSandbox } from '../../../sandbox/index.js';
import { VirtualClock } from '../../../shared/clock/index.js';
import { startCaptureServer } from './captureServer.js';

const schema = JSON.parse(
  readFileSync(new URL('./fixtures/imagePushedEvent.schema.json', import.meta.url), 'utf8'),
) as object;
const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addFormat(
  'date-time',
  (s: string) =>
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(s) && !Number.isNaN(Date.parse(s)),
);
const validateEvent = ajv.compile(schema);

void describe('sandbox registry, Event Grid delivery, Slack receiver and gate hooks', () => {
  let sandbox: Sandbox;
  let clock: VirtualClock;
  let grid: Awaited<ReturnType<typeof startCaptureServer>>;

  before(async () => {
    clock = new VirtualClock(Date.UTC(2026, 0, 1, 10));
    grid = await startCaptureServer();
    sandbox = await startSandbox({
      clock,
      azurite: false,
      tls: false,
      eventGridUrl: `${grid.url}/runtime/webhooks/EventGrid?functionName=onImagePushed`,
    });
  });
  after(async () => {
    await sandbox.stop();
    await grid.close();
  });

  void it('delivers an ImagePushed event matching the published schema with aeg-event-type Notification', async () => {
    const result = await sandbox.push('pwbi-api:1.4.2', { profile: 'healthy' });
    assert.match(result.digest, /^sha256:[0-9a-f]{64}$/);
    assert.equal(result.image, `pwbiregistry.azurecr.io/pwbi-api@${result.digest}`);
    assert.deepEqual(result.deliveries, [{ status: 202 }]);
    const got = grid.received.at(-1);
    assert.equal(got?.headers['aeg-event-type'], 'Notification');
    assert.equal(got?.path, '/runtime/webhooks/EventGrid?functionName=onImagePushed');
    assert.ok(Array.isArray(got?.body));
    const [event] = got.body as unknown[];
    assert.ok(validateEvent(event), JSON.stringify(validateEvent.errors));
    const e = event as { subject: string; data: { target: { tag: string; digest: string } } };
    assert.equal(e.subject, 'pwbi-api:1.4.2');
    assert.equal(e.data.target.tag, '1.4.2');
    assert.equal(e.data.target.digest, result.digest);
  });

  void it('gives every push a new digest, even for the same tag', async () => {
    const a = await sandbox.push('pwbi-api:same');
    const b = await sandbox.push('pwbi-api:same');
    assert.notEqual(a.digest, b.digest);
  });

  void it('duplicates a delivery on request (same event id, delivery count 1)', async () => {
    const before = grid.received.length;
    const result = await sandbox.push('pwbi-api:1.4.3', { deliver: 'twice' });
    assert.equal(result.deliveries.length, 2);
    const [first, second] = grid.received.slice(before);
    assert.deepEqual(first?.body, second?.body);
    assert.equal(second?.headers['aeg-delivery-count'], '1');
  });

  void it('sends a tagless per-platform event without target.tag, still schema-valid', async () => {
    const result = await sandbox.push('pwbi-api:1.4.4', { tagless: true });
    const event = result.event as { subject: string; data: { target: Record<string, unknown> } };
    assert.ok(validateEvent(event), JSON.stringify(validateEvent.errors));
    assert.equal('tag' in event.data.target, false);
    assert.equal(event.subject, 'pwbi-api');
  });

  void it('holds events and delivers them later out of order', async () => {
    const a = await sandbox.push('pwbi-api:2.0.0', { deliver: 'none' });
    const b = await sandbox.push('pwbi-api:2.0.1', { deliver: 'none' });
    assert.deepEqual(a.deliveries, []);
    const before = grid.received.length;
    assert.deepEqual(await sandbox.deliverHeld(), [{ status: 202 }, { status: 202 }]);
    const digests = grid.received
      .slice(before)
      .map(
        (r) => (r.body as Array<{ data: { target: { digest: string } } }>)[0]?.data.target.digest,
      );
    assert.deepEqual(digests, [b.digest, a.digest]);
  });

  void it('retries a failed delivery on the sandbox clock, as Event Grid does', async () => {
    const failing = await startCaptureServer(503);
    try {
      sandbox.setEventGridUrl(`${failing.url}/events`);
      const result = await sandbox.push('pwbi-api:2.2.0');
      assert.deepEqual(result.deliveries, [{ status: 503 }]);
      await clock.advance(10_000);
      await failing.waitFor(2);
      assert.equal(failing.received[1]?.headers['aeg-delivery-count'], '1');
      assert.deepEqual(failing.received[1]?.body, failing.received[0]?.body);
    } finally {
      sandbox.setEventGridUrl(`${grid.url}/runtime/webhooks/EventGrid?functionName=onImagePushed`);
      await failing.close();
    }
  });

  void it('records Slack webhook messages per channel and answers ok like Slack', async () => {
    const res = await fetch(`${sandbox.slackUrl}/releases`, {
      method: 'POST',
      body: JSON.stringify({ text: 'deployed 1.4.2' }),
    });
    assert.equal(res.status, 200);
    assert.equal(await res.text(), 'ok');
    const bad = await fetch(`${sandbox.slackUrl}/releases`, { method: 'POST', body: 'not json' });
    assert.equal(bad.status, 400);
    assert.equal(await bad.text(), 'invalid_payload');
    assert.deepEqual(
      sandbox.slackMessages('releases').map((m) => m.body),
      [{ text: 'deployed 1.4.2' }],
    );
    const viaAdmin = (await (await fetch(`${sandbox.adminUrl}/slack?channel=releases`)).json()) as {
      messages: unknown[];
    };
    assert.equal(viaAdmin.messages.length, 1);
  });

  void it('answers gate hooks per behaviour: pass, fail, hang', async () => {
    sandbox.setHook('security', 'fail');
    sandbox.setHook('load-test', 'hang');
    const post = (name: string): Promise<Response> =>
      fetch(`${sandbox.hooksUrl}/${name}`, {
        method: 'POST',
        body: JSON.stringify({ releaseId: 'r1', hook: name }),
      });
    const pass = await post('e2e');
    assert.deepEqual([pass.status, await pass.json()], [200, { status: 'passed' }]);
    const fail = await post('security');
    assert.deepEqual([fail.status, await fail.json()], [200, { status: 'failed' }]);
    const hung = await post('load-test');
    assert.equal(hung.status, 202);
    await hung.arrayBuffer();
    assert.equal(
      (sandbox.hookCalls('e2e')[0]?.body as { releaseId?: string } | undefined)?.releaseId,
      'r1',
    );
  });

  void it('calls back after the delay on the sandbox clock (callback-pass / callback-fail)', async () => {
    const target = await startCaptureServer(200);
    try {
      sandbox.setHook('migrate', 'callback-fail', { delayMs: 60_000 });
      const res = await fetch(`${sandbox.hooksUrl}/migrate`, {
        method: 'POST',
        body: JSON.stringify({ callbackUrl: `${target.url}/raise/migrate` }),
      });
      assert.equal(res.status, 202);
      await res.arrayBuffer();
      await clock.advance(59_000);
      assert.equal(target.received.length, 0);
      await clock.advance(1_000);
      await target.waitFor(1);
      assert.deepEqual(target.received[0]?.body, { status: 'failed' });
      assert.equal(target.received[0]?.path, '/raise/migrate');
    } finally {
      await target.close();
    }
  });

  void it('exposes push, hooks, faults and site state through the admin API', async () => {
    const admin = sandbox.adminUrl;
    const pushed = (await (
      await fetch(`${admin}/push`, {
        method: 'POST',
        body: JSON.stringify({ image: 'pwbi-api:3.0.0', profile: 'slow' }),
      })
    ).json()) as { digest: string };
    assert.match(pushed.digest, /^sha256:/);
    const put = await fetch(`${admin}/hooks/e2e`, {
      method: 'PUT',
      body: JSON.stringify({ behaviour: 'fail' }),
    });
    assert.equal(put.status, 200);
    await put.arrayBuffer();
    const hook = await fetch(`${sandbox.hooksUrl}/e2e`, { method: 'POST', body: '{}' });
    assert.deepEqual(await hook.json(), { status: 'failed' });
    const badFault = await fetch(`${admin}/faults`, {
      method: 'POST',
      body: JSON.stringify({ op: 'swap', kind: 'explode' }),
    });
    assert.equal(badFault.status, 400);
    assert.match(((await badFault.json()) as { error: { message: string } }).error.message, /kind/);
    const state = (await (await fetch(`${admin}/sites/pwbi-api-prod/staging`)).json()) as {
      hostName: string;
      state: string;
    };
    assert.deepEqual(
      [state.hostName, state.state],
      ['pwbi-api-prod-staging.azurewebsites.net', 'Running'],
    );
    const missing = await fetch(`${admin}/sites/nope`);
    assert.equal(missing.status, 404);
    await missing.arrayBuffer();
  });
});
