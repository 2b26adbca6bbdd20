import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { type Deployment, servingAt } from '../../../sandbox/apps/appBehaviourAt.js';
import { linuxFxVersionOf, World } from '../../../sandbox/model/World.js';
import { parseImageRef, Registry } from '../../../sandbox/registry/Registry.js';
import { loadScenario } from '../../../sandbox/scenario/loadScenario.js';
import { TelemetryGenerator } from '../../../sandbox/telemetry/TelemetryGenerator.js';
import { VirtualClock } from '../../../shared/clock/index.js';

const startupMs = 20_000;
const healthy: Deployment = { digest: 'sha256:old', profile: { kind: 'healthy' }, startedAt: 0 };
const crash: Deployment = {
  digest: 'sha256:new',
  profile: { kind: 'crash' },
  startedAt: 100_000,
  previous: healthy,
};

void describe('sandbox: what answers while a new image starts (the reason for the restart fence)', () => {
  void it('the previous container answers until the new one is up, then the new one', () => {
    assert.deepEqual(servingAt(crash, 100_000, startupMs, false), {
      deployment: healthy,
      state: 'Running',
    });
    assert.deepEqual(servingAt(crash, 119_999, startupMs, false).deployment, healthy);
    assert.deepEqual(servingAt(crash, 120_000, startupMs, false), {
      deployment: crash,
      state: 'Crashed',
    });
  });

  void it('a stopped site answers with nothing; without a previous container a start shows Starting', () => {
    assert.equal(servingAt(crash, 100_000, startupMs, true).state, 'Stopped');
    const fresh: Deployment = { ...healthy, startedAt: 100_000 };
    assert.equal(servingAt(fresh, 100_000, startupMs, false).state, 'Starting');
    assert.equal(servingAt(fresh, 120_000, startupMs, false).state, 'Running');
  });

  void it('telemetry follows: the old image is recorded during start-up; stop → configure → start records nothing old', async () => {
    const t0 = Date.UTC(2026, 0, 1, 10);
    const clock = new VirtualClock(t0);
    const scenario = loadScenario();
    const registry = new Registry(scenario.registry.loginServer);
    for (const img of scenario.registry.images) {
      const ref = parseImageRef(img.image);
      registry.push(ref.repository, ref.tag, img.profile, clock.now());
    }
    const world = new World(scenario, registry, clock);
    const telemetry = new TelemetryGenerator(world, t0, 0, ['/']);
    const site = world.findSite('pwbi-prod', 'pwbi-api-prod');
    assert.ok(site !== undefined);
    const prod = site.production;
    const oldVersion = prod.deployment?.tag;
    const failing = registry.push('pwbi-api', 'bad', 'errors:100', clock.now());
    const recorded = (from: number, to: number) =>
      telemetry.records('pwbi-api-prod', 'id', from, to).filter((r) => r.servedBy === 'production');

    await clock.advance(60_000);
    world.applyLinuxFxVersion(prod, linuxFxVersionOf(failing.ref));
    const patchedAt = clock.now();
    await clock.advance(60_000);
    const during = recorded(patchedAt, patchedAt + startupMs);
    assert.ok(during.length > 0);
    assert.deepEqual(
      new Set(during.map((r) => [r.version, r.resultCode].join(' '))),
      new Set([`${oldVersion} 200`]),
    );
    const after = recorded(patchedAt + startupMs, clock.now());
    assert.ok(after.length > 0);
    assert.ok(after.every((r) => r.version === 'bad' && !r.success));

    const fixed = registry.push('pwbi-api', 'fixed', 'healthy', clock.now());
    world.setArmState(prod, 'Stopped');
    world.applyLinuxFxVersion(prod, linuxFxVersionOf(fixed.ref));
    await clock.advance(30_000);
    world.setArmState(prod, 'Running');
    const startedAt = clock.now();
    await clock.advance(60_000);
    assert.deepEqual(recorded(startedAt - 30_000, startedAt + startupMs), []);
    const up = recorded(startedAt + startupMs, clock.now());
    assert.ok(up.length > 0 && up.every((r) => r.version === 'fixed' && r.success));
  });
});
