import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { type Sandbox, type ScenarioInput, startSandbox } from '../../../sandbox/index.js';
import { ScaledClock } from '../../../shared/clock/index.js';
import type { ReleaseCustomStatus } from '../../../src/domain/release/index.js';
import { releaseIdFor } from '../../../src/domain/release/index.js';
import { appSettingsFor } from './appSettings.js';
import { buildAppOnce, repoRoot } from './buildApp.js';
import { HostProcess } from './HostProcess.js';
import { type ConfigVariant, writePipelineConfig } from './pipelineConfig.js';
import { ReleaseApi } from './ReleaseApi.js';

/** Virtual ms per real ms in restart tests (a child process cannot share a VirtualClock). */
export const restartScale = 60;

/** An instance's durable status as the management API answers it. */
export interface DurableStatus<S = ReleaseCustomStatus> {
  runtimeStatus: string;
  customStatus: S | null;
  output?: unknown;
}

/**
 * The restart world: sandbox in this process, the dev host in a child process on the same
 * SQLite file and port across restarts, both on aligned scaled clocks.
 */
export class RestartWorld {
  readonly api: ReleaseApi;
  host: HostProcess;
  private readonly dir: string;

  private constructor(
    readonly sandbox: Sandbox,
    private readonly start: (killOnLine?: RegExp) => HostProcess,
    dir: string,
    readonly url: string,
  ) {
    this.dir = dir;
    this.host = start();
    this.api = new ReleaseApi(() => url);
  }

  /**
   * Starts the sandbox and a first dev host process, both on a clock `scale` times real time
   * (default {@link restartScale}).
   */
  static async begin(
    scenario?: ScenarioInput,
    config?: ConfigVariant,
    scale = restartScale,
  ): Promise<RestartWorld> {
    const appDir = process.env.SLOTPILOT_E2E_APP_DIR ?? repoRoot;
    if (appDir === repoRoot) buildAppOnce();
    const virtual0 = Date.UTC(2026, 0, 5, 9, 0, 0);
    const real0 = Date.now();
    const clock = new ScaledClock(scale, virtual0);
    const sandbox = await startSandbox({ clock, ...(scenario === undefined ? {} : { scenario }) });
    const dir = mkdtempSync(path.join(tmpdir(), 'slotpilot-restart-'));
    const port = await freePort();
    const settings = appSettingsFor(sandbox, writePipelineConfig(config));
    const start = (killOnLine?: RegExp) =>
      HostProcess.start({
        ...(killOnLine === undefined ? {} : { killOnLine }),
        appDir,
        port,
        db: path.join(dir, 'durable.db'),
        scale,
        virtual0,
        real0,
        settings,
      });
    const url = `http://127.0.0.1:${port}`;
    const world = new RestartWorld(sandbox, start, dir, url);
    await world.host.url;
    sandbox.setEventGridUrl(`${url}/runtime/webhooks/EventGrid?functionName=onImagePushed`);
    return world;
  }

  /** SIGKILLs the dev host and starts a new one on the same database and port. */
  async killAndRestart(): Promise<void> {
    await this.host.kill('SIGKILL');
    this.host = this.start();
    await this.host.url;
  }

  /**
   * Restarts the host (SIGKILL, same database) with the kill hook armed: the new host SIGKILLs
   * itself the moment it logs a line matching `pattern`. Then {@link restartAfterHook}.
   */
  async armKillHook(pattern: RegExp): Promise<void> {
    await this.host.kill('SIGKILL');
    this.host = this.start(pattern);
    await this.host.url;
  }

  /** Waits for the hooked host to have killed itself, then starts a plain one. */
  async restartAfterHook(realTimeoutMs = 60_000): Promise<void> {
    const died = await Promise.race([
      this.host.exited.then(() => true),
      new Promise<false>((r) => setTimeout(() => r(false), realTimeoutMs)),
    ]);
    if (!died) throw new Error(`the kill hook did not fire in ${realTimeoutMs} ms`);
    assert.ok(
      this.host.lines.some((l) => l.startsWith('kill hook: SIGKILL')),
      'killed by the hook',
    );
    this.host = this.start();
    await this.host.url;
  }

  /** Stops everything and removes the database. */
  async stop(): Promise<void> {
    await this.host.kill('SIGTERM');
    await this.sandbox.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** Pushes `pwbi-api:<tag>` (healthy unless `profile` says otherwise). */
  async push(
    tag: string,
    profile = 'healthy',
  ): Promise<{ releaseId: string; digest: string; event: object }> {
    const r = await this.sandbox.push(`pwbi-api:${tag}`, { profile });
    return { releaseId: releaseIdFor('pwbi-api', r.digest), digest: r.digest, event: r.event };
  }

  /** Polls the durable status API (real time) until `predicate` holds on the custom status. */
  async until(
    id: string,
    predicate: (s: ReleaseCustomStatus, runtimeStatus: string) => boolean,
    realTimeoutMs = 60_000,
  ): Promise<ReleaseCustomStatus> {
    const status = await this.untilInstance<ReleaseCustomStatus>(id, predicate, realTimeoutMs);
    return status.customStatus;
  }

  /**
   * Polls the durable status API (real time: the host runs in another process) until
   * `predicate` holds on the instance's custom status (read as `S`) and runtime status.
   */
  async untilInstance<S>(
    id: string,
    predicate: (s: S, runtimeStatus: string) => boolean,
    realTimeoutMs = 60_000,
  ): Promise<DurableStatus<S> & { customStatus: S }> {
    const end = Date.now() + realTimeoutMs;
    let last: DurableStatus<S> | undefined;
    while (Date.now() < end) {
      last = (await this.status(id)) as DurableStatus<S> | undefined;
      if (last?.customStatus && predicate(last.customStatus, last.runtimeStatus))
        return last as DurableStatus<S> & { customStatus: S };
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(
      `${id}: state not reached in ${realTimeoutMs} ms; last ${JSON.stringify(last)}`,
    );
  }

  /** The durable status of an instance, or undefined (404 or host down). */
  async status(id: string): Promise<DurableStatus | undefined> {
    try {
      const res = await fetch(`${this.url}/runtime/webhooks/durabletask/instances/${id}`);
      if (res.status === 404) return undefined;
      return (await res.json()) as DurableStatus;
    } catch {
      return undefined;
    }
  }

  /** ARM swap requests the sandbox accepted (a refused one swaps nothing). */
  swapCalls(): number {
    return this.sandbox
      .armRequests()
      .filter((r) => r.method === 'POST' && /\/slotsswap/i.test(r.path) && r.status < 300).length;
  }
}

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
