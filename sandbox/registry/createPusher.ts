import type { PushResult } from '../Sandbox.js';
import type { SandboxContext } from '../SandboxContext.js';
import { deliverEvent } from './deliverEvent.js';
import { type EventGridEvent, imagePushedEvent } from './imagePushedEvent.js';
import { parseImageRef, type Registry } from './Registry.js';

/** Pushes images into the sandbox registry and delivers their ImagePushed events. */
export interface Pusher {
  setUrl(url: string): void;
  push(
    ref: string,
    opts?: {
      profile?: string;
      deliver?: 'once' | 'twice' | 'none';
      tagless?: boolean;
      /** Who pushed (`data.actor.name`: a user principal name, or a token or service principal). */
      actor?: string;
    },
  ): Promise<PushResult>;
  deliverHeld(): Promise<{ status: number }[]>;
}

/** Event Grid's first retry delays after a failed delivery (it goes on for 24 h; the sandbox stops here). */
const RETRY_DELAYS_MS = [10_000, 30_000, 60_000, 300_000, 600_000, 1_800_000];

/** Whether Event Grid retries a delivery that got `status` (0 = not reached). */
function retryable(status: number): boolean {
  return status === 0 || status === 404 || status === 408 || status === 429 || status >= 500;
}

/**
 * Builds the pusher over `registry`, delivering to `eventGridUrl` when set. Like Event Grid, a
 * delivery that fails retryably (unreachable, 404, 408, 429, 5xx) is retried in the background
 * after 10 s, 30 s, 1 m, 5 m, 10 m and 30 m of sandbox time; `signal` stops the retries.
 */
export function createPusher(
  ctx: SandboxContext,
  registry: Registry,
  eventGridUrl: string | undefined,
  signal?: AbortSignal,
): Pusher {
  let url = eventGridUrl;
  const held: EventGridEvent[] = [];
  const { scenario } = ctx.world;
  const retryLater = (target: string, event: EventGridEvent): void => {
    void (async () => {
      for (const [i, delay] of RETRY_DELAYS_MS.entries()) {
        await ctx.clock.sleepUntil(ctx.clock.now() + delay, signal);
        const { status } = await deliverEvent(target, event, i + 1);
        ctx.log(`event ${event.id}: redelivery ${i + 1} -> ${status}`);
        if (!retryable(status)) return;
      }
    })().catch(() => undefined);
  };
  return {
    setUrl(next) {
      url = next;
    },
    async push(text, opts = {}) {
      const ref = parseImageRef(text);
      if (
        ref.registry !== undefined &&
        ref.registry.toLowerCase() !== registry.loginServer.toLowerCase()
      ) {
        throw new RangeError(
          `image: expected registry ${registry.loginServer}, got ${ref.registry}`,
        );
      }
      if (ref.digest !== undefined)
        throw new RangeError(`image: expected repo:tag to push, got a digest (${text})`);
      const tag = opts.tagless === true ? undefined : (ref.tag ?? 'latest');
      const image = registry.push(ref.repository, tag, opts.profile ?? 'healthy', ctx.clock.now());
      const event = imagePushedEvent(
        image,
        {
          loginServer: registry.loginServer,
          subscriptionId: scenario.subscriptionId,
          resourceGroup: scenario.registry.resourceGroup,
          location: scenario.location,
        },
        ctx.clock.now(),
        opts.actor,
      );
      ctx.log(
        `push ${image.repository}:${image.tag ?? '(untagged)'} ${image.digest} (${image.profileText})`,
      );
      const deliveries: { status: number }[] = [];
      const mode = opts.deliver ?? 'once';
      if (mode === 'none' || url === undefined) {
        held.push(event);
      } else {
        const first = await deliverEvent(url, event, 0);
        deliveries.push(first);
        if (mode === 'twice') deliveries.push(await deliverEvent(url, event, 1));
        if (retryable(first.status)) retryLater(url, event);
      }
      return { image: image.ref, digest: image.digest, event, deliveries };
    },
    async deliverHeld() {
      const target = url;
      if (target === undefined) return [];
      const events = held.splice(0).reverse();
      const out: { status: number }[] = [];
      for (const e of events) out.push(await deliverEvent(target, e, 0));
      return out;
    },
  };
}
