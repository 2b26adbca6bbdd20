/**
 * The console's e2e world: a {@link PipelineWorld} whose dev host is STRICT (function keys
 * enforced, as on Azure) and serves the built console. The browser acts through the console
 * page; the pipeline world's steps set up and check.
 */
import { issueToken } from '../../../src/domain/identity/index.js';
import { e2eSigningKey } from './appSettings.js';
import { buildConsoleOnce } from './buildConsole.js';
import { PipelineWorld, type Pushed, users, type WorldOptions } from './PipelineWorld.js';

/** Approvers of the repository's slotpilot.yaml, and someone who approves nothing. */
export const consoleUsers = users;

/** One world per test file (the app reads its settings once per process). */
export class ConsoleWorld extends PipelineWorld {
  /** Builds app and console when stale and starts a strict world (see {@link PipelineWorld.start}). */
  static override async start(
    options: Omit<WorldOptions, 'strictAuth'> = {},
  ): Promise<ConsoleWorld> {
    buildConsoleOnce();
    const world = await PipelineWorld.start({ ...options, strictAuth: true });
    return new ConsoleWorld(world.sandbox, world.host, world.clock, world.strictKey);
  }

  /** The console page's URL; `refreshMs` shortens its auto-refresh for the tests. */
  consoleUrl(hash = ''): string {
    return `${this.host.url}/api/console?refreshMs=500${hash}`;
  }

  /** A bearer token for `user`, as `npx slotpilot token issue --user` prints it. */
  token(user: string): Promise<string> {
    return issueToken({ user, signingKey: e2eSigningKey, ttlMs: 3_600_000 });
  }

  /** Given: {@link PipelineWorld.push}, and the push's event was delivered (2xx, with the key). */
  override async push(...args: Parameters<PipelineWorld['push']>): Promise<Pushed> {
    const pushed = await super.push(...args);
    const delivered = pushed.deliveries.map((d) => d.status);
    if (!delivered.every((s) => s >= 200 && s < 300)) {
      throw new Error(
        `push ${args[0]}: expected the event delivered (2xx), got ${delivered.join(', ')}`,
      );
    }
    return pushed;
  }
}
