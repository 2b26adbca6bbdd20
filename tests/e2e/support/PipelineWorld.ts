import { readFileSync } from 'node:fs';

import { parse } from 'yaml';

import { type DevHost, type InstanceStatus, startDevHost } from '../../../devhost/index.js';
import {
  defaultScenarioPath,
  type Sandbox,
  type ScenarioInput,
  startSandbox,
} from '../../../sandbox/index.js';
import { VirtualClock } from '../../../shared/clock/index.js';
import type { ReleaseCustomStatus } from '../../../src/domain/release/index.js';
import { releaseIdFor } from '../../../src/domain/release/index.js';
import type { ReleaseView } from '../../../src/domain/view/index.js';
import { appSettingsFor } from './appSettings.js';
import { buildAppOnce, repoRoot } from './buildApp.js';
import { type ConfigVariant, writePipelineConfig } from './pipelineConfig.js';
import { type ApiAnswer, ReleaseApi } from './ReleaseApi.js';
import { virtualStartMs } from './virtualStart.js';

/** Approvers of the repository's slotpilot.yaml. */
export const users = {
  qaLead: 'qa-lead@contoso.com',
  engLead: 'eng-lead@contoso.com',
  stranger: 'mallory@contoso.com',
} as const;

/** A pushed image and the release it starts. */
export interface Pushed {
  digest: string;
  image: string;
  releaseId: string;
  deliveries: { status: number }[];
}

/** A release pushed and approved through to production ({@link PipelineWorld.releaseToProduction}). */
export interface Released extends Pushed {
  /** The digest production ran when the image was pushed (what a rollback returns to). */
  previousDigest: string | undefined;
}

/** Options of {@link startPipelineWorld}. */
export interface WorldOptions {
  config?: ConfigVariant;
  /** Sandbox scenario overrides (merged over the default scenario file). */
  scenario?: Record<string, unknown>;
  /** Enforce function keys as on Azure (the world's API calls and pushes send the host's key). */
  strictAuth?: boolean;
  /** The dev host's SQLite file (default in memory); a bench reads it afterwards. */
  db?: string;
  /** Receives the dev host's log lines (the app's own `context.log` lines among them). */
  hostLog?: (line: string) => void;
  /** Where the virtual clock starts (default {@link virtualStartMs}). */
  clockStartMs?: number;
}

/** The sandbox's Azure Monitor action group whose webhook calls Slotpilot's alerts route. */
export const alertsActionGroup = 'slotpilot-alerts';

/**
 * The e2e world: the sandbox (simulated Azure), the dev host running the compiled app, one
 * VirtualClock shared by both, and Given/When/Then helpers that act only through HTTP.
 * One world per test file (the app reads its settings once per process).
 */
export class PipelineWorld {
  readonly api: ReleaseApi;
  private readonly realStartMs = Date.now();
  private readonly virtualStartMs: number;

  /** A world over running parts; {@link PipelineWorld.start} starts them. */
  protected constructor(
    readonly sandbox: Sandbox,
    readonly host: DevHost,
    readonly clock: VirtualClock,
    /** The key the world's requests send when keys are enforced. */
    readonly strictKey?: string,
  ) {
    this.api = new ReleaseApi(
      () => host.url,
      strictKey === undefined ? undefined : () => strictKey,
    );
    this.virtualStartMs = clock.now();
  }

  /** Starts sandbox and dev host (building the app first when needed). */
  static async start(options: WorldOptions = {}): Promise<PipelineWorld> {
    // SLOTPILOT_E2E_APP_DIR runs an already built app folder instead (debugging a build).
    const appDir = process.env.SLOTPILOT_E2E_APP_DIR ?? repoRoot;
    if (appDir === repoRoot) buildAppOnce();
    const clock = new VirtualClock(options.clockStartMs ?? virtualStartMs());
    const sandbox = await startSandbox({
      clock,
      ...(options.scenario === undefined ? {} : { scenario: scenarioWith(options.scenario) }),
    });
    let host: DevHost | undefined;
    try {
      const configPath = writePipelineConfig(options.config);
      host = await startDevHost({
        appDir,
        clock,
        settings: appSettingsFor(sandbox, configPath),
        ...(options.strictAuth === true ? { strictAuth: true } : {}),
        ...(options.db === undefined ? {} : { db: options.db }),
        ...(process.env.SLOTPILOT_E2E_LOG === '1'
          ? { log: (l: string) => console.error(`[host] ${l}`) }
          : options.hostLog === undefined
            ? {}
            : { log: options.hostLog }),
      });
      const key = options.strictAuth === true ? host.functionKey : undefined;
      sandbox.setEventGridUrl(
        `${host.url}/runtime/webhooks/EventGrid?functionName=onImagePushed${key === undefined ? '' : `&code=${key}`}`,
      );
      // As in Azure, the action group's URL carries the alerts function's own key.
      sandbox.setActionGroup(
        alertsActionGroup,
        `${host.url}/api/alerts?code=${host.functionKeyOf('alertPush')}`,
      );
      return new PipelineWorld(sandbox, host, clock, key);
    } catch (error) {
      await host?.stop();
      await sandbox.stop();
      throw error;
    }
  }

  /** Stops dev host and sandbox. */
  async stop(): Promise<void> {
    await within(this.host.stop(), 15_000, 'dev host stop');
    await within(this.sandbox.stop(), 15_000, 'sandbox stop');
  }

  /** Virtual ms since the world started. */
  virtualElapsedMs(): number {
    return this.clock.now() - this.virtualStartMs;
  }

  /** Real ms since the world started. */
  realElapsedMs(): number {
    return Date.now() - this.realStartMs;
  }

  /** Given/When: pushes `pwbi-api:<tag>` with a behaviour profile through the sandbox registry. */
  async push(
    tag: string,
    profile = 'healthy',
    opts: { deliver?: 'once' | 'twice' | 'none'; repository?: string; actor?: string } = {},
  ): Promise<Pushed> {
    const result = await this.sandbox.push(`${opts.repository ?? 'pwbi-api'}:${tag}`, {
      profile,
      ...(opts.deliver === undefined ? {} : { deliver: opts.deliver }),
      ...(opts.actor === undefined ? {} : { actor: opts.actor }),
    });
    await this.host.settle();
    return {
      digest: result.digest,
      image: result.image,
      releaseId: releaseIdFor('pwbi-api', result.digest),
      deliveries: result.deliveries,
    };
  }

  /**
   * Given/When: pushes `tag` (see {@link push}), runs until the release waits for staging and
   * approves staging as the QA lead.
   */
  async pushAndApproveStaging(
    tag: string,
    profile = 'healthy',
    opts: Parameters<PipelineWorld['push']>[2] = {},
  ): Promise<Pushed> {
    const pushed = await this.push(tag, profile, opts);
    await this.untilWaitingFor(pushed.releaseId, 'staging');
    await this.approve(pushed.releaseId, 'staging', users.qaLead);
    return pushed;
  }

  /**
   * Given/When: pushes `tag` with `profile` and approves it through staging (QA lead) and
   * production (engineering lead); production swaps once its deploy and warm-up are done.
   */
  async releaseToProduction(tag: string, profile = 'healthy'): Promise<Released> {
    const previousDigest = this.sandbox.siteState('pwbi-api-prod').digest;
    const pushed = await this.pushAndApproveStaging(tag, profile);
    await this.untilWaitingFor(pushed.releaseId, 'production');
    await this.approve(pushed.releaseId, 'production', users.engLead);
    return { ...pushed, previousDigest };
  }

  /** Then: runs time forward until the release's custom status satisfies `predicate`. */
  async until(
    releaseId: string,
    predicate: (s: ReleaseCustomStatus, raw: InstanceStatus) => boolean,
    opts: { maxVirtualMs?: number; realTimeoutMs?: number } = {},
  ): Promise<ReleaseCustomStatus> {
    const ended = (raw: InstanceStatus) =>
      ['Completed', 'Failed', 'Terminated'].includes(raw.runtimeStatus);
    const holds = (raw: InstanceStatus) =>
      raw.customStatus !== null &&
      raw.customStatus !== undefined &&
      predicate(raw.customStatus as ReleaseCustomStatus, raw);
    const status = await this.host.waitFor(releaseId, (raw) => holds(raw) || ended(raw), {
      maxVirtualMs: opts.maxVirtualMs ?? 7 * 86_400_000,
      realTimeoutMs: opts.realTimeoutMs ?? 60_000,
    });
    if (!holds(status)) {
      throw new Error(
        `release ${releaseId} ended (${status.runtimeStatus}) before the awaited state: ${JSON.stringify(status.customStatus)}`,
      );
    }
    return status.customStatus as ReleaseCustomStatus;
  }

  /** Then: runs until the release waits for `stage`'s approval. */
  untilWaitingFor(releaseId: string, stage: string): Promise<ReleaseCustomStatus> {
    return this.until(
      releaseId,
      (s) => s.status === 'WaitingForApproval' && s.waitingFor?.stage === stage,
    );
  }

  /** Then: runs until the release has ended (any terminal status). */
  untilEnded(
    releaseId: string,
    opts: { maxVirtualMs?: number } = {},
  ): Promise<ReleaseCustomStatus> {
    return this.until(
      releaseId,
      (_s, raw) => ['Completed', 'Failed', 'Terminated'].includes(raw.runtimeStatus),
      opts,
    );
  }

  /** When: approves `stage` as `user`; asserts the API accepted it. */
  async approve(releaseId: string, stage: string, user: string): Promise<void> {
    const answer = await this.api.approve(releaseId, stage, user, 'e2e');
    if (answer.status !== 202) {
      throw new Error(
        `approve ${stage}: expected 202, got ${answer.status} ${JSON.stringify(answer.body)}`,
      );
    }
    await this.host.settle();
  }

  /** When: cancels the release as `user`; asserts the API accepted it. */
  async cancel(releaseId: string, user: string, reason: string): Promise<void> {
    const answer = await this.api.cancel(releaseId, user, reason);
    if (answer.status !== 202) {
      throw new Error(`cancel: expected 202, got ${answer.status} ${JSON.stringify(answer.body)}`);
    }
    await this.host.settle();
  }

  /**
   * Then: follows a 202's `Location` (Slotpilot's status URL) as a client would, waiting its
   * `Retry-After` in virtual time between reads, until the release view satisfies `predicate`.
   * Returns every view read, the first one read at once. Fails after `maxVirtualMs`.
   */
  async followStatus(
    accepted: ApiAnswer,
    predicate: (view: ReleaseView) => boolean,
    maxVirtualMs = 3_600_000,
  ): Promise<ReleaseView[]> {
    const location = accepted.headers.get('location');
    const retryAfterS = Number(accepted.headers.get('retry-after'));
    if (accepted.status !== 202 || location === null || !(retryAfterS > 0)) {
      throw new Error(
        `followStatus: expected a 202 with Location and Retry-After, got ${accepted.status} ${location} ${retryAfterS}`,
      );
    }
    const path = new URL(location).pathname;
    const views: ReleaseView[] = [];
    for (let waitedMs = 0; ; waitedMs += retryAfterS * 1000) {
      const answer = await this.api.call('GET', path);
      if (answer.status !== 200)
        throw new Error(`followStatus: GET ${path} answered ${answer.status} ${answer.text}`);
      views.push(answer.body as ReleaseView);
      if (predicate(answer.body as ReleaseView)) return views;
      if (waitedMs >= maxVirtualMs) {
        throw new Error(
          `followStatus: ${path} not there within ${maxVirtualMs} virtual ms; last ${answer.text}`,
        );
      }
      await this.host.advance(retryAfterS * 1000);
    }
  }

  /** The image production serves, read from the sandbox app's test-only introspection path. */
  async productionServes(): Promise<string | null> {
    const state = this.sandbox.siteState('pwbi-api-prod');
    const res = await fetch(`${state.url}/__sandbox/info`);
    return ((await res.json()) as { image: string | null }).image;
  }

  /** ARM swap requests the sandbox accepted (a refused one swaps nothing). */
  swapCalls(): number {
    return this.sandbox
      .armRequests()
      .filter((r) => r.method === 'POST' && /\/slotsswap/i.test(r.path) && r.status < 300).length;
  }
}

/** Resolves as `promise` does, or rejects naming `what` once `ms` real ms have passed. */
async function within(promise: Promise<void>, ms: number, what: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: did not finish within ${ms} ms`)), ms);
  });
  try {
    await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function scenarioWith(overrides: Record<string, unknown>): ScenarioInput {
  const base = parse(readFileSync(defaultScenarioPath, 'utf8')) as Record<string, unknown>;
  return { ...base, ...overrides } as ScenarioInput;
}
