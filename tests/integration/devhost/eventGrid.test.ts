import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { type DevHost, startDevHost } from '../../../devhost/index.js';
import { fixtureAppDir, post } from './fixtureApp.js';

const path = '/runtime/webhooks/EventGrid?functionName=onEvent';
const event = (id: string, data: unknown = {}): Record<string, unknown> => ({
  id,
  topic: '/subscriptions/x/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/r',
  subject: 'repo:tag',
  eventType: 'Microsoft.ContainerRegistry.ImagePushed',
  eventTime: '2026-01-01T00:00:00Z',
  data,
  dataVersion: '1.0',
  metadataVersion: '1',
});

describe('Event Grid webhook', () => {
  let host: DevHost;
  before(async () => {
    host = await startDevHost({ appDir: fixtureAppDir });
  });
  after(async () => {
    await host.stop();
  });
  const seen = async (): Promise<{ id: string }[]> =>
    (await (await fetch(`${host.url}/api/events`)).json()) as { id: string }[];

  it('answers SubscriptionValidation with the validation code and does not invoke', async () => {
    const res = await post(host.url, path, [event('v1', { validationCode: 'abc-123' })], {
      'aeg-event-type': 'SubscriptionValidation',
    });
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { validationResponse: 'abc-123' });
    assert.equal((await seen()).length, 0);
  });

  it('reads a double-encoded validation code from a CloudEvent object', async () => {
    const res = await post(
      host.url,
      path,
      { id: 'c1', data: JSON.stringify({ validationCode: 'cloud-1' }) },
      { 'aeg-event-type': 'subscriptionvalidation' },
    );
    assert.deepEqual(await res.json(), { validationResponse: 'cloud-1' });
  });

  it('invokes once per event on Notification and answers 202', async () => {
    const res = await post(host.url, path, [event('n1'), event('n2')], {
      'aeg-event-type': 'Notification',
    });
    assert.equal(res.status, 202);
    assert.equal(await res.text(), '');
    assert.deepEqual(
      (await seen()).map((e) => e.id),
      ['n1', 'n2'],
    );
  });

  it('wraps a single event object and matches the path case-insensitively', async () => {
    const res = await post(
      host.url,
      '/runtime/webhooks/eventgrid?functionName=onEvent',
      event('n3'),
      {
        'aeg-event-type': 'Notification',
      },
    );
    assert.equal(res.status, 202);
    assert.ok((await seen()).some((e) => e.id === 'n3'));
  });

  it('answers 500 with the error when any event fails, after invoking every event', async () => {
    const res = await post(host.url, path, [event('bad', { fail: true }), event('n4')], {
      'aeg-event-type': 'Notification',
    });
    assert.equal(res.status, 500);
    assert.match(await res.text(), /event bad failed/);
    assert.ok((await seen()).some((e) => e.id === 'n4'));
  });

  it('answers 400 without a known aeg-event-type header', async () => {
    assert.equal((await post(host.url, path, [event('x')])).status, 400);
    const other = await post(host.url, path, [event('x')], { 'aeg-event-type': 'Bogus' });
    assert.equal(other.status, 400);
  });

  it('answers 404 naming an unknown function', async () => {
    const res = await post(
      host.url,
      '/runtime/webhooks/EventGrid?functionName=nope',
      [event('x')],
      {
        'aeg-event-type': 'Notification',
      },
    );
    assert.equal(res.status, 404);
    assert.equal(await res.text(), "cannot find function: 'nope'");
  });

  it('answers 202 to Unsubscribe', async () => {
    const res = await post(host.url, path, [event('u')], { 'aeg-event-type': 'Unsubscribe' });
    assert.equal(res.status, 202);
  });

  it('completes the CloudEvents OPTIONS handshake', async () => {
    const known = await fetch(`${host.url}${path}`, {
      method: 'OPTIONS',
      headers: { 'WebHook-Request-Origin': 'eventgrid.azure.net' },
    });
    assert.equal(known.status, 200);
    assert.equal(known.headers.get('webhook-allowed-origin'), 'eventgrid.azure.net');
    const unknown = await fetch(`${host.url}${path}`, {
      method: 'OPTIONS',
      headers: { 'WebHook-Request-Origin': 'evil.example.com' },
    });
    assert.equal(unknown.headers.get('webhook-allowed-origin'), 'eventgrid.azure.net');
  });

  it('answers 400 to a malformed JSON body', async () => {
    const res = await post(host.url, path, '{not json', { 'aeg-event-type': 'Notification' });
    assert.equal(res.status, 400);
  });
});
