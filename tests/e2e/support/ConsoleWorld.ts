/**
 * The console's e2e world: the sandbox and a STRICT dev host (function keys enforced, as on
 * Azure) running the built app and console, one VirtualClock, and API helpers that send the
 * function key. The browser acts through the console page; these helpers set up and check.
 */
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
import { issueToken } from '../../../src/domain/identity/index.js';
import type { ReleaseCustomStatus } from '../../../src/domain/release/index.js';
import { releaseIdFor } from '../../../src/domain/release/index.js';
import { appSettingsFor, e2eSigningKey } from './appSettings.js';
import { buildAppOnce, repoRoot } from './buildApp.js';
import { buildConsoleOnce } from './buildConsole.js';
import { type ConfigVariant, writePipelineConfig } from './pipelineConfig.js';
import type { ApiAnswer } from './ReleaseApi.js';
import { virtualStartMs } from './virtualStart.js';

/** Approvers of the repository's slotpilot.yaml, and someone who approves nothing. */
export const consoleUsers = {
  qaLead: 'qa-lead@contoso.com',
  engLead: 'eng-lead@contoso.com',
  stranger: 'mallory@contoso.com',
} as const;

/** One world per test file (the app reads its settings once per process). */
export class ConsoleWorld {
  private constructor(
    readonly sandbox: Sandbox,
    readonly host: DevHost,
    readonly clock: VirtualClock,
  ) {}

  /**
   * Builds app and console when stale, starts the sandbox (with `scenario` merged over the
   * default scenario) and a strict dev host running the pipeline config variant `config`.
   */
  static async start(
    config: ConfigVariant = {},
    scenario?: Record<string, unknown>,
  ): Promise<ConsoleWorld> {
    buildAppOnce();
    buildConsoleOnce();
    const clock = new VirtualClock(virtualStartMs());
    const sandbox = await startSandbox({
      clock,
      ...(scenario === undefined ? {} : { scenario: scenarioWith(scenario) }),
    });
    let host: DevHost | undefined;
    try {
      host = await startDevHost({
        appDir: repoRoot,
        clock,
        strictAuth: true,
        settings: appSettingsFor(sandbox, writePipelineConfig(config)),
      });
      sandbox.setEventGridUrl(
        `${host.url}/runtime/webhooks/EventGrid?functionName=onImagePushed&code=${host.functionKey}`,
      );
      return new ConsoleWorld(sandbox, host, clock);
    } catch (error) {
      await host?.stop();
      await sandbox.stop();
      throw error;
    }
  }

  /** The console page's URL; `refreshMs` shortens its auto-refresh for the tests. */
  consoleUrl(hash = ''): string {
    return `${this.host.url}/api/console?refreshMs=500${hash}`;
  }

  /** A bearer token for `user`, as `npx slotpilot token issue --user` prints it. */
  token(user: string): Promise<string> {
    return issueToken({ user, signingKey: e2eSigningKey, ttlMs: 3_600_000 });
  }

  /** Given: `pwbi-api:<tag>` pushed through the sandbox registry (delivered with the system key). */
  async push(tag: string, profile = 'healthy'): Promise<{ releaseId: string; digest: string }> {
    const result = await this.sandbox.push(`pwbi-api:${tag}`, { profile });
    const delivered = result.deliveries.map((d) => d.status);
    if (!delivered.every((s) => s >= 200 && s < 300)) {
      throw new Error(
        `push ${tag}: expected the event delivered (2xx), got ${delivered.join(', ')}`,
      );
    }
    await this.host.settle();
    return { releaseId: releaseIdFor('pwbi-api', result.digest), digest: result.digest };
  }

  /** Any API call with the function key, and a bearer token for `user` when given. */
  async call(method: string, route: string, body?: unknown, user?: string): Promise<ApiAnswer> {
    const headers: Record<string, string> = { 'x-functions-key': this.host.functionKey };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (user !== undefined) headers.authorization = `Bearer ${await this.token(user)}`;
    const res = await fetch(`${this.host.url}${route}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      // Not JSON: keep the text.
    }
    return { status: res.status, body: parsed, headers: res.headers, text };
  }

  /** When: `user` approves `stage` through the API (setup, not the thing under test). */
  async approve(releaseId: string, stage: string, user: string): Promise<void> {
    const answer = await this.call('POST', `/api/releases/${releaseId}/approve`, { stage }, user);
    if (answer.status !== 202) {
      throw new Error(
        `approve ${stage}: expected 202, got ${answer.status} ${JSON.stringify(answer.body)}`,
      );
    }
    await this.host.settle();
  }

  /** Then: runs time forward until the instance's custom status satisfies `predicate`. */
  async until(
    instanceId: string,
    predicate: (s: ReleaseCustomStatus, raw: InstanceStatus) => boolean,
    maxVirtualMs = 7 * 86_400_000,
  ): Promise<ReleaseCustomStatus> {
    const ended = (raw: InstanceStatus): boolean =>
      ['Completed', 'Failed', 'Terminated'].includes(raw.runtimeStatus);
    const holds = (raw: InstanceStatus): boolean =>
      raw.customStatus !== null &&
      raw.customStatus !== undefined &&
      predicate(raw.customStatus as ReleaseCustomStatus, raw);
    const status = await this.host.waitFor(instanceId, (raw) => holds(raw) || ended(raw), {
      maxVirtualMs,
      realTimeoutMs: 60_000,
    });
    if (!holds(status)) {
      throw new Error(
        `${instanceId} ended (${status.runtimeStatus}) before the awaited state: ${JSON.stringify(status.customStatus)}`,
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

  /** Then: runs until the release has ended. */
  untilEnded(releaseId: string): Promise<ReleaseCustomStatus> {
    return this.until(releaseId, (_s, raw) =>
      ['Completed', 'Failed', 'Terminated'].includes(raw.runtimeStatus),
    );
  }

  /** Stops dev host and sandbox. */
  async stop(): Promise<void> {
    await this.host.stop();
    await this.sandbox.stop();
  }
}

function scenarioWith(overrides: Record<string, unknown>): ScenarioInput {
  const base = parse(readFileSync(defaultScenarioPath, 'utf8')) as Record<string, unknown>;
  return { ...base, ...overrides } as ScenarioInput;
}
