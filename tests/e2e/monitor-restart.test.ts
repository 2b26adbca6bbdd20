import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { parse } from 'yaml';

import {
  defaultScenarioPath,
  type Sandbox,
  type ScenarioInput,
  startSandbox,
} from '../../sandbox/index.js';
import { ScaledClock } from '../../shared/clock/index.js';
import type { MonitorResult } from '../../src/domain/monitor/contract.js';
import { releaseIdFor } from '../../src/domain/release/index.js';
import type { MonitorStatus } from '../../src/orchestrators/monitor/index.js';
import { users } from './monitor-world.js';
import { appSettingsFor } from './support/appSettings.js';
import { buildAppOnce, repoRoot } from './support/buildApp.js';
import { HostProcess } from './support/HostProcess.js';
import type { ConfigDoc } from './support/pipelineConfig.js';
import { writePipelineConfig } from './support/pipelineConfig.js';
import { ReleaseApi } from './support/ReleaseApi.js';
import { Given, Then, When } from './support/steps.js';

/** Virtual ms per real ms: a child process cannot share a VirtualClock, so time is scaled. */
const scale = 60;

interface Status {
  runtimeStatus: string;
  customStatus: unknown;
  output: unknown;
}

describe('monitoring: the dev host is SIGKILLed mid-window and mid-swap-back', () => {
  let sandbox: Sandbox;
  let host: HostProcess;
  let dir: string;
  let url: string;
  let start: () => HostProcess;
  const api = new ReleaseApi(() => url);

  before(async () => {
    buildAppOnce();
    const virtual0 = Date.UTC(2026, 0, 5, 9, 0, 0);
    const real0 = Date.now();
    const base = parse(readFileSync(defaultScenarioPath, 'utf8')) as Record<string, unknown>;
    // A slow swap (2 virtual minutes over several polls) leaves time to kill the host during it.
    sandbox = await startSandbox({
      clock: new ScaledClock(scale, virtual0),
      scenario: { ...base, swap: { duration: '2m', polls: 6 } } as ScenarioInput,
    });
    dir = mkdtempSync(path.join(tmpdir(), 'slotpilot-monitor-restart-'));
    const port = await freePort();
    const config = writePipelineConfig({
      monitor: true,
      edit: (doc: ConfigDoc) => {
        const stage = doc.pipelines[0]?.stages.find((s) => s.monitor !== undefined);
        if (stage) stage.monitor = { ...(stage.monitor as object), duration: '30m' };
      },
    });
    const settings = appSettingsFor(sandbox, config);
    start = () =>
      HostProcess.start({
        appDir: repoRoot,
        port,
        db: path.join(dir, 'durable.db'),
        scale,
        virtual0,
        real0,
        settings,
      });
    host = start();
    url = await host.url;
    sandbox.setEventGridUrl(`${url}/runtime/webhooks/EventGrid?functionName=onImagePushed`);
  });
  after(async () => {
    await host?.kill('SIGTERM');
    await sandbox?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const killAndRestart = async () => {
    await host.kill('SIGKILL');
    host = start();
    await host.url;
  };
  const status = async (id: string): Promise<Status | undefined> => {
    try {
      const res = await fetch(`${url}/runtime/webhooks/durabletask/instances/${id}`);
      if (res.status === 404) return undefined;
      return (await res.json()) as Status;
    } catch {
      return undefined;
    }
  };
  const until = async (
    id: string,
    predicate: (s: Status) => boolean,
    realTimeoutMs = 90_000,
  ): Promise<Status> => {
    const end = Date.now() + realTimeoutMs;
    let last: Status | undefined;
    while (Date.now() < end) {
      last = await status(id);
      if (last !== undefined && predicate(last)) return last;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`${id}: state not reached; last ${JSON.stringify(last)}`);
  };
  const custom = (s: Status) => s.customStatus as MonitorStatus | null;
  const swapCalls = () =>
    sandbox
      .armRequests()
      .filter((r) => r.method === 'POST' && /\/slotsswap/i.test(r.path) && r.status < 300).length;

  it('resumes monitoring where it stopped and swaps back exactly once', async () => {
    // (at 60× the turn to unhealthy leaves the restart below over ten real seconds, even on a
    // loaded machine)
    const { previous, releaseId } = await Given(
      'a release in production that turns unhealthy 20 minutes after it started',
      async () => {
        const previous = sandbox.siteState('pwbi-api-prod').digest;
        const pushed = await sandbox.push('pwbi-api:9.0.0', { profile: 'unhealthy-later:20m' });
        const releaseId = releaseIdFor('pwbi-api', pushed.digest);
        const waiting = (stage: string) => (s: Status) =>
          (s.customStatus as { waitingFor?: { stage: string } } | null)?.waitingFor?.stage ===
          stage;
        await until(releaseId, waiting('staging'));
        assert.equal((await api.approve(releaseId, 'staging', users.qaLead)).status, 202);
        await until(releaseId, waiting('production'));
        assert.equal((await api.approve(releaseId, 'production', users.engLead)).status, 202);
        return { previous, releaseId };
      },
    );
    const monitorId = `${releaseId}-monitor`;

    const samplesBefore = await When(
      'the host is killed while the monitor has taken a few samples',
      async () => {
        const before = await until(
          monitorId,
          (s) => (custom(s)?.monitor?.samples.length ?? 0) >= 3,
        );
        await killAndRestart();
        return custom(before)?.monitor?.samples ?? [];
      },
    );

    await Then(
      'monitoring goes on from there: the same samples, then newer ones on the same grid',
      async () => {
        const resumed = await until(
          monitorId,
          (s) => (custom(s)?.monitor?.samples.length ?? 0) >= samplesBefore.length + 1,
        );
        const samplesAfter = custom(resumed)?.monitor?.samples ?? [];
        assert.deepEqual(samplesAfter.slice(0, samplesBefore.length), samplesBefore);
        const gaps = samplesAfter
          .slice(1)
          .map((s, i) => Date.parse(s.at) - Date.parse(samplesAfter[i]?.at ?? ''));
        // on the one-minute grid, no tick taken twice (the restart itself may skip a few)
        assert.ok(
          gaps.every((g) => g >= 60_000 && g % 60_000 === 0),
          `gaps ${gaps.join(',')}`,
        );
      },
    );

    await When('the host is killed again while the swap back runs', async () => {
      const end = Date.now() + 90_000;
      while (swapCalls() < 2 && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
      assert.equal(swapCalls(), 2, 'the swap back started');
      await killAndRestart();
    });

    await Then('the rollback completes, swapping back exactly once', async () => {
      const done = await until(monitorId, (s) => s.runtimeStatus === 'Completed');
      const result = done.output as MonitorResult;
      assert.ok(result.outcome === 'rolledBack', JSON.stringify(result));
      assert.equal(result.trigger, 'health');
      assert.equal(swapCalls(), 2, 'never swapped back twice');
      assert.equal(sandbox.siteState('pwbi-api-prod').digest, previous);
      await until(releaseId, (s) => s.runtimeStatus === 'Completed');
    });
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
