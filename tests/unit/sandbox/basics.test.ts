import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { parseProfile } from '../../../sandbox/apps/Profile.js';
import { parseCliArgs } from '../../../sandbox/cli/parseCliArgs.js';
import { FaultInjector } from '../../../sandbox/faults/FaultInjector.js';
import { parseTimespan } from '../../../sandbox/logs/parseTimespan.js';
import { imageDigest } from '../../../sandbox/registry/imageDigest.js';
import { parseImageRef, Registry } from '../../../sandbox/registry/Registry.js';
import { loadScenario } from '../../../sandbox/scenario/loadScenario.js';
import { parseDuration } from '../../../sandbox/util/parseDuration.js';

void describe('sandbox basics', () => {
  void it('reads profiles with their defaults and arguments', () => {
    assert.deepEqual(parseProfile('healthy'), { kind: 'healthy' });
    assert.deepEqual(parseProfile('errors'), { kind: 'errors', percent: 20 });
    assert.deepEqual(parseProfile('errors:5'), { kind: 'errors', percent: 5 });
    assert.deepEqual(parseProfile('slow'), { kind: 'slow', p95Ms: 3000 });
    assert.deepEqual(parseProfile('slow:2500'), { kind: 'slow', p95Ms: 2500 });
    assert.deepEqual(parseProfile('unhealthy-later'), {
      kind: 'unhealthy-later',
      afterMs: 600_000,
    });
    assert.deepEqual(parseProfile('unhealthy-later:5m'), {
      kind: 'unhealthy-later',
      afterMs: 300_000,
    });
    assert.throws(
      () => parseProfile('flaky'),
      /profile: expected healthy, errors\[:N\].*got "flaky"/,
    );
    assert.throws(() => parseProfile('errors:150'), /got "errors:150"/);
  });

  void it('reads durations with units and names the field when invalid', () => {
    assert.equal(parseDuration('90s', 'x'), 90_000);
    assert.equal(parseDuration('1.5h', 'x'), 5_400_000);
    assert.equal(parseDuration(250, 'x'), 250);
    assert.throws(
      () => parseDuration('soon', 'swap.duration'),
      /swap\.duration: expected a duration like 90s, 10m or 1h, got "soon"/,
    );
  });

  void it('parses image references and resolves tags to the newest push', () => {
    assert.deepEqual(parseImageRef('pwbiregistry.azurecr.io/pwbi-api:1.2.3'), {
      registry: 'pwbiregistry.azurecr.io',
      repository: 'pwbi-api',
      tag: '1.2.3',
      digest: undefined,
    });
    assert.equal(parseImageRef('team/api').repository, 'team/api');
    assert.throws(() => parseImageRef('api@sha256:short'), /expected \[registry\/\]repository/);
    const registry = new Registry('pwbiregistry.azurecr.io');
    const a = registry.push('pwbi-api', '1.0.0', 'healthy', 0);
    const b = registry.push('pwbi-api', '1.0.0', 'healthy', 1);
    assert.notEqual(a.digest, b.digest);
    assert.equal(registry.resolve(parseImageRef('pwbi-api:1.0.0'))?.digest, b.digest);
    assert.equal(registry.resolve(parseImageRef(a.ref))?.digest, a.digest);
    assert.equal(registry.resolve(parseImageRef('other.azurecr.io/pwbi-api:1.0.0')), undefined);
  });

  void it('derives digests deterministically from repository, tag, profile and push number', () => {
    assert.equal(imageDigest('r', 't', 'healthy', 1), imageDigest('r', 't', 'healthy', 1));
    assert.notEqual(imageDigest('r', 't', 'healthy', 1), imageDigest('r', 't', 'healthy', 2));
    assert.match(imageDigest('r', 't', 'healthy', 1), /^sha256:[0-9a-f]{64}$/);
  });

  void it('fires faults in order, per operation or for any, and uses up their times', () => {
    const faults = new FaultInjector();
    faults.add({ op: 'swap', kind: '429', times: 1 });
    faults.add({ op: '*', kind: '503', times: 2 });
    assert.equal(faults.take('swap')?.kind, '429');
    assert.equal(faults.take('swap')?.kind, '503');
    assert.equal(faults.take('get')?.kind, '503');
    assert.equal(faults.take('get'), undefined);
  });

  void it('reads ISO 8601 timespans the Logs API takes', () => {
    const now = Date.UTC(2026, 0, 1, 12);
    assert.deepEqual(parseTimespan('PT15M', now), { from: now - 900_000, to: now });
    assert.deepEqual(parseTimespan('P1DT1H', now), { from: now - 90_000_000, to: now });
    assert.deepEqual(parseTimespan('2026-01-01T10:00:00Z/2026-01-01T11:00:00Z', now), {
      from: Date.UTC(2026, 0, 1, 10),
      to: Date.UTC(2026, 0, 1, 11),
    });
    assert.deepEqual(parseTimespan('2026-01-01T10:00:00Z/PT30M', now), {
      from: Date.UTC(2026, 0, 1, 10),
      to: Date.UTC(2026, 0, 1, 10, 30),
    });
    assert.throws(
      () => parseTimespan('yesterday', now),
      (err: Error) => /timespan: expected an ISO 8601/.test(JSON.stringify(err)),
    );
  });

  void it('loads the default scenario matching slotpilot.yaml and lists every invalid field', () => {
    const s = loadScenario();
    assert.deepEqual(
      s.sites.map((x) => [x.name, x.resourceGroup]),
      [
        ['pwbi-api-dev', 'pwbi-dev'],
        ['pwbi-api-staging', 'pwbi-staging'],
        ['pwbi-api-prod', 'pwbi-prod'],
      ],
    );
    assert.deepEqual(
      s.sites[2]?.slots.map((x) => x.name),
      ['staging'],
    );
    assert.equal(s.registry.loginServer, 'pwbiregistry.azurecr.io');
    assert.throws(
      () => loadScenario({ sites: [{ name: 'x' }] } as never),
      /sites\.0\.resourceGroup/,
    );
  });

  void it('reads CLI arguments and refuses unknown ones naming them', () => {
    const o = parseCliArgs([
      '--port',
      '8443',
      '--clock',
      'scale:60',
      '--event-grid-url',
      'http://h/x',
    ]);
    assert.equal(o.port, 8443);
    assert.equal(o.clock.kind, 'scaled');
    assert.equal(o.eventGridUrl, 'http://h/x');
    assert.throws(
      () => parseCliArgs(['--clock', 'fast']),
      /--clock: expected real or scale:N, got fast/,
    );
    assert.throws(() => parseCliArgs(['--bogus']), /got --bogus/);
  });
});
