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
    opts?: { profile?: string; deliver?: 'once' | 'twice' | 'none'; tagless?: boolean },
  ): Promise<PushResult>;
  deliverHeld(): Promise<{ status: number }[]>;
}

/** Builds the pusher over `registry`, delivering to `eventGridUrl` when set. */
export function createPusher(
  ctx: SandboxContext,
  registry: Registry,
  eventGridUrl: string | undefined,
): Pusher {
  let url = eventGridUrl;
  const held: EventGridEvent[] = [];
  const { scenario } = ctx.world;
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
      );
      ctx.log(
        `push ${image.repository}:${image.tag ?? '(untagged)'} ${image.digest} (${image.profileText})`,
      );
      const deliveries: { status: number }[] = [];
      const mode = opts.deliver ?? 'once';
      if (mode === 'none' || url === undefined) {
        held.push(event);
      } else {
        deliveries.push(await deliverEvent(url, event, 0));
        if (mode === 'twice') deliveries.push(await deliverEvent(url, event, 1));
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
