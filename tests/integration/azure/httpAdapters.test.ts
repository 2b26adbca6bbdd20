import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { type Sandbox, startSandbox } from '../../../sandbox/index.js';
import { FetchHookClient } from '../../../src/azure/http/FetchHookClient.js';
import { FetchHttpProbe } from '../../../src/azure/http/FetchHttpProbe.js';
import type { HookRequest, Notification } from '../../../src/azure/ports/index.js';
import { SlackNotifier } from '../../../src/azure/slack/SlackNotifier.js';
import { NonRetryableError, RetryAfterError } from '../../../src/domain/errors.js';
import { type ScriptedServer, startScriptedServer } from './support/scriptedServer.js';

const request = (hook: string): HookRequest => ({
  releaseId: 'pwbi-api-abc',
  pipeline: 'pwbi-api',
  stage: 'staging',
  hook,
  image: 'pwbiregistry.azurecr.io/pwbi-api@sha256:' + 'a'.repeat(64),
  digest: 'sha256:' + 'a'.repeat(64),
  siteUrl: 'http://127.0.0.1:1',
  callbackUrl: 'http://127.0.0.1:1/callback',
});

const notification = (key: string, severity: Notification['severity'] = 'info'): Notification => ({
  key,
  pipeline: 'pwbi-api',
  releaseId: 'pwbi-api-abc',
  stage: 'production',
  outcome: 'waiting for approval',
  severity,
  image: 'pwbiregistry.azurecr.io/pwbi-api@sha256:' + 'a'.repeat(64),
  text: 'Approve <production> & go',
  links: {
    release: 'http://127.0.0.1:7071/api/console#/releases/pwbi-api-abc',
    approve: 'http://127.0.0.1:7071/api/releases/pwbi-api-abc/approve',
  },
});

describe('HTTP adapters against the sandbox', () => {
  let sandbox: Sandbox;
  const scripted: ScriptedServer[] = [];
  const script = async (
    ...replies: Parameters<typeof startScriptedServer>[0]
  ): Promise<ScriptedServer> => {
    const s = await startScriptedServer(replies);
    scripted.push(s);
    return s;
  };

  before(async () => {
    sandbox = await startSandbox({ azurite: false, tls: false });
  });
  after(async () => {
    await Promise.all(scripted.map((s) => s.close()));
    await sandbox.stop();
  });

  describe('FetchHttpProbe', () => {
    const probe = new FetchHttpProbe();

    test('a healthy app is ok; it names no image, and a body check says whether text is there', async () => {
      const site = sandbox.siteState('pwbi-api-dev');
      const result = await probe.probe(site.url, '/health', { timeoutMs: 2000 });
      assert.equal(result.ok, true);
      assert.equal(result.status, 200);
      assert.equal(result.bodyMatches, undefined);
      const checked = await probe.probe(site.url, '/health', {
        timeoutMs: 2000,
        expectBody: 'healthy',
      });
      assert.equal(checked.bodyMatches, true);
      const other = await probe.probe(site.url, '/health', {
        timeoutMs: 2000,
        expectBody: site.digest ?? 'sha256:',
      });
      assert.equal(other.bodyMatches, false, 'the image is not in an app answer by itself');
      assert.ok(result.latencyMs >= 0);
      assert.match(result.detail, /^GET 127\.0\.0\.1:\d+\/health → 200 in \d+ ms$/);
    });

    test('an unexpected status is not ok, and says what was expected', async () => {
      const site = sandbox.siteState('pwbi-api-dev');
      const result = await probe.probe(site.url, 'health', { timeoutMs: 2000, expectStatus: 204 });
      assert.equal(result.ok, false);
      assert.equal(result.status, 200);
      assert.match(result.detail, /expected 204/);
    });

    test('refused connections and timeouts are status 0, never thrown', async () => {
      const closed = await startScriptedServer([]);
      await closed.close();
      const refused = await probe.probe(closed.url, '/health', { timeoutMs: 2000 });
      assert.deepEqual([refused.ok, refused.status], [false, 0]);
      assert.match(refused.detail, /ECONNREFUSED/);
      const hung = await script('hang');
      const timedOut = await probe.probe(hung.url, '/health', { timeoutMs: 200 });
      assert.deepEqual([timedOut.ok, timedOut.status], [false, 0]);
      assert.match(timedOut.detail, /no answer within 200 ms/);
    });
  });

  describe('FetchHookClient', () => {
    const hooks = new FetchHookClient();

    test('a passing and a failing hook give results; the hook receives the request body', async () => {
      sandbox.setHook('e2e', 'pass');
      sandbox.setHook('security', 'fail');
      assert.deepEqual(await hooks.call(`${sandbox.hooksUrl}/e2e`, request('e2e'), 2000), {
        kind: 'result',
        status: 'passed',
        detail: 'hook e2e passed',
      });
      const failed = await hooks.call(`${sandbox.hooksUrl}/security`, request('security'), 2000);
      assert.equal(failed.kind === 'result' && failed.status, 'failed');
      assert.deepEqual(sandbox.hookCalls('e2e').at(-1)?.body, request('e2e'));
    });

    test('202 means running (result through the callback)', async () => {
      sandbox.setHook('migrate', 'hang');
      assert.deepEqual(await hooks.call(`${sandbox.hooksUrl}/migrate`, request('migrate'), 2000), {
        kind: 'running',
      });
    });

    test('429/503 and refused connections throw RetryAfterError; other statuses and timeouts fail the gate', async () => {
      const server = await script(
        { status: 429, headers: { 'retry-after': '4' } },
        { status: 503 },
        { status: 500, body: 'secret stack trace' },
        { status: 200, body: '{"ok":true}' },
        'hang',
      );
      const url = `${server.url}/hooks/load?code=SECRET`;
      await assert.rejects(hooks.call(url, request('load-test'), 2000), (err: unknown) => {
        assert.ok(err instanceof RetryAfterError);
        assert.equal(err.afterMs, 4000);
        assert.doesNotMatch(err.message, /SECRET/);
        return true;
      });
      await assert.rejects(hooks.call(url, request('load-test'), 2000), RetryAfterError);
      assert.deepEqual(await hooks.call(url, request('load-test'), 2000), {
        kind: 'result',
        status: 'failed',
        detail: `hook load-test (${new URL(server.url).host}) answered 500`,
      });
      const unreadable = await hooks.call(url, request('load-test'), 2000);
      assert.match(unreadable.kind === 'result' ? unreadable.detail : '', /without \{"status"/);
      const slow = await hooks.call(url, request('load-test'), 200);
      assert.match(slow.kind === 'result' ? slow.detail : '', /no answer within 200 ms/);
      const closed = await startScriptedServer([]);
      await closed.close();
      await assert.rejects(
        hooks.call(closed.url, request('load-test'), 2000),
        /could not be reached: ECONNREFUSED/,
      );
    });
  });

  describe('SlackNotifier', () => {
    test('posts Block Kit with a text fallback to the webhook, once per key', async () => {
      const notifier = new SlackNotifier();
      const webhook = `${sandbox.slackUrl}/releases`;
      await notifier.notify(webhook, notification('k1'));
      await notifier.notify(webhook, notification('k1'));
      const messages = sandbox.slackMessages('releases');
      assert.equal(messages.length, 1);
      const body = messages[0]?.body as {
        text: string;
        blocks: Array<{ type: string; text?: { text: string } }>;
      };
      assert.match(body.text, /pwbi-api production: waiting for approval/);
      assert.deepEqual(
        body.blocks.map((b) => b.type),
        ['header', 'section', 'section', 'actions', 'context'],
      );
      assert.equal(body.blocks[1]?.text?.text, 'Approve &lt;production&gt; &amp; go');
    });

    test('critical messages go where the caller sends them', async () => {
      const notifier = new SlackNotifier();
      await notifier.notify(`${sandbox.slackUrl}/critical`, notification('k2', 'critical'));
      const [critical] = sandbox.slackMessages('critical');
      assert.match(JSON.stringify(critical?.body), /:rotating_light: pwbi-api · production/);
    });

    test('429/5xx are retryable, other 4xx are not, and a failed send is not remembered', async () => {
      const server = await script(
        { status: 429, headers: { 'retry-after': '2' }, body: 'rate_limited' },
        { status: 500 },
        { status: 404, body: 'no_service' },
        { status: 200, body: 'ok' },
      );
      const notifier = new SlackNotifier();
      const webhook = `${server.url}/services/T000/B000/XXXXSECRET`;
      await assert.rejects(notifier.notify(webhook, notification('k3')), (err: unknown) => {
        assert.ok(err instanceof RetryAfterError);
        assert.equal(err.afterMs, 2000);
        assert.doesNotMatch(err.message, /XXXXSECRET/);
        return true;
      });
      await assert.rejects(notifier.notify(webhook, notification('k3')), RetryAfterError);
      await assert.rejects(notifier.notify(webhook, notification('k3')), (err: unknown) => {
        assert.ok(err instanceof NonRetryableError);
        assert.match(err.message, /answered 404: no_service/);
        return true;
      });
      await notifier.notify(webhook, notification('k3'));
      assert.equal(server.received.length, 4);
    });
  });
});
