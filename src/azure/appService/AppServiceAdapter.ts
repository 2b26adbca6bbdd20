import {
  restorePoller,
  type Site,
  type SiteConfigResource,
  type WebSiteManagementClient,
} from '@azure/arm-appservice';

import { describeValue } from '../../domain/describeValue.js';
import { RetryAfterError, ValidationError } from '../../domain/errors.js';
import { AzureRequestError } from '../errors/AzureRequestError.js';
import { mapAzureError } from '../errors/mapAzureError.js';
import type { AppServicePort, SwapHandle, SwapProgress } from '../ports/AppServicePort.js';
import type { SiteRef, SlotState } from '../ports/SiteRef.js';
import { linuxFxVersionFor, parseLinuxFxVersion } from './parseLinuxFxVersion.js';
import { siteLabel } from './siteLabel.js';
import { slotNameOf, toSlotState } from './toSlotState.js';

/** What the adapter needs from the client factory. */
export interface AppServiceClients {
  webSites(subscriptionId: string): WebSiteManagementClient;
  siteUrl(hostName: string): string;
}

/** `slot: 'production'` names the site itself, which ARM addresses without `/slots/`. */
function withoutProductionSlot(ref: SiteRef): SiteRef {
  if (ref.slot?.toLowerCase() !== 'production') return ref;
  const { slot: _slot, ...site } = ref;
  return site;
}

const IMAGE = /^[a-z0-9.-]+(:\d+)?\/[a-z0-9._/-]+(@sha256:[0-9a-f]{64}|:[\w][\w.-]{0,127})$/i;

/**
 * {@link AppServicePort} over `WebSiteManagementClient` (@azure/arm-appservice 19). Site and
 * slot reads combine the Site resource with its `config/web` (the image lives in
 * `linuxFxVersion`); a deploy stops the site or slot, PATCHes `config/web` and starts it (the
 * restart fence, see {@link AppServicePort.deployImage}); a swap is started and polled
 * through the SDK's serialisable poller so no activity waits for it.
 * Errors: see {@link mapAzureError} (429/503 → RetryAfterError, 4xx → AzureRequestError).
 */
export class AppServiceAdapter implements AppServicePort {
  constructor(private readonly clients: AppServiceClients) {}

  private readonly siteUrl = (hostName: string): string => this.clients.siteUrl(hostName);

  async getSlot(given: SiteRef): Promise<SlotState> {
    const ref = withoutProductionSlot(given);
    try {
      const { site, config } = await this.read(ref);
      return toSlotState(ref.slot ?? 'production', site, config.linuxFxVersion, this.siteUrl);
    } catch (err) {
      throw mapAzureError(err, `getSlot ${siteLabel(ref)}`);
    }
  }

  async listSlots(ref: Omit<SiteRef, 'slot'>): Promise<SlotState[]> {
    const production = await this.getSlot(ref);
    const apps = this.apps(ref);
    const sites: Site[] = [];
    try {
      for await (const site of apps.listSlots(ref.resourceGroup, ref.site)) sites.push(site);
    } catch (err) {
      throw mapAzureError(err, `listSlots ${siteLabel(ref)}`);
    }
    const slots = await Promise.all(
      sites.map(async (site) => {
        const name = slotNameOf(site) ?? '';
        // GET site carries linuxFxVersion in siteConfig; read config/web only when it does not.
        const fx = site.siteConfig?.linuxFxVersion;
        if (fx !== undefined && fx !== null && fx !== '') {
          return toSlotState(name, site, fx, this.siteUrl);
        }
        return this.getSlot({ ...ref, slot: name });
      }),
    );
    return [production, ...slots.sort((a, b) => a.name.localeCompare(b.name))];
  }

  async deployImage(given: SiteRef, image: string): Promise<{ changed: boolean }> {
    const ref = withoutProductionSlot(given);
    if (!IMAGE.test(image)) {
      throw new ValidationError(
        'image',
        'registry/repository@sha256:<64 hex> (or :tag)',
        describeValue(image),
      );
    }
    const what = `deployImage ${siteLabel(ref)}`;
    try {
      const { site, config } = await this.read(ref);
      const configured =
        parseLinuxFxVersion(config.linuxFxVersion)?.image.toLowerCase() === image.toLowerCase();
      const state = site.state?.toLowerCase();
      if (configured && state === 'running') return { changed: false };
      // The restart fence: with the slot stopped no container of the previous image can answer,
      // so every answer after the start comes from a container started with this configuration.
      // Each step is skipped when an interrupted earlier attempt already did it.
      if (state !== 'stopped') await this.post(ref, 'stop');
      if (!configured) await this.patchImage(ref, image);
      await this.post(ref, 'start');
      return { changed: true };
    } catch (err) {
      throw mapAzureError(err, what);
    }
  }

  async beginSwap(site: Omit<SiteRef, 'slot'>, slot: string): Promise<SwapHandle> {
    const apps = this.apps(site);
    const what = `beginSwap ${siteLabel({ ...site, slot })} -> production`;
    try {
      // The poller is thenable: never await it or return it, or it would poll to the end.
      const poller = apps.swapSlot(site.resourceGroup, site.site, slot, {
        targetSlot: 'production',
        preserveVnet: true,
      });
      await poller.submitted();
      const pollerState = await poller.serialize();
      return {
        pollerState,
        site: {
          subscription: site.subscription,
          resourceGroup: site.resourceGroup,
          site: site.site,
        },
        slot,
      };
    } catch (err) {
      throw mapAzureError(err, what);
    }
  }

  async pollSwap(handle: SwapHandle): Promise<SwapProgress> {
    const client = this.clients.webSites(handle.site.subscription);
    const what = `pollSwap ${siteLabel({ ...handle.site, slot: handle.slot })}`;
    let poller;
    try {
      poller = restorePoller(client, handle.pollerState, client.webApps.swapSlot);
    } catch (err) {
      throw new ValidationError(
        'pollerState',
        'the state beginSwap returned',
        describeValue(handle.pollerState),
        {
          cause: err,
        },
      );
    }
    try {
      await poller.poll();
    } catch (err) {
      const mapped = mapAzureError(err, what);
      if (mapped instanceof RetryAfterError) throw mapped;
      // A swap ARM refuses while polling (409/400) or an LRO reporting failure is a failed swap.
      if (
        mapped instanceof AzureRequestError &&
        mapped.statusCode !== 404 &&
        mapped.statusCode !== 401 &&
        mapped.statusCode !== 403
      ) {
        return { status: 'failed', detail: mapped.message };
      }
      if (!(mapped instanceof AzureRequestError) && poller.operationState?.status === 'failed') {
        return { status: 'failed', detail: `${what}: ${(err as Error).message}` };
      }
      throw mapped;
    }
    const status = poller.operationState?.status;
    switch (status) {
      case 'succeeded':
        return { status: 'succeeded' };
      case 'failed':
      case 'canceled':
        return { status: 'failed', detail: `${what}: the swap ${status}` };
      default: {
        // Azure signs a fresh Location on every 202: hand the newest state back for the next poll.
        const pollerState = await poller.serialize();
        return pollerState === handle.pollerState
          ? { status: 'running' }
          : { status: 'running', handle: { ...handle, pollerState } };
      }
    }
  }

  /** The Site resource and its `config/web` (where the image lives). */
  private async read(ref: SiteRef): Promise<{ site: Site; config: SiteConfigResource }> {
    const apps = this.apps(ref);
    const [site, config] =
      ref.slot === undefined
        ? await Promise.all([
            apps.get(ref.resourceGroup, ref.site),
            apps.getConfiguration(ref.resourceGroup, ref.site),
          ])
        : await Promise.all([
            apps.getSlot(ref.resourceGroup, ref.site, ref.slot),
            apps.getConfigurationSlot(ref.resourceGroup, ref.site, ref.slot),
          ]);
    return { site, config };
  }

  /** `POST …/stop` or `…/start` of the site or slot (synchronous ARM actions, 200 only). */
  private async post(ref: SiteRef, action: 'stop' | 'start'): Promise<void> {
    const apps = this.apps(ref);
    const { resourceGroup, site, slot } = ref;
    if (action === 'stop') {
      await (slot === undefined
        ? apps.stop(resourceGroup, site)
        : apps.stopSlot(resourceGroup, site, slot));
    } else {
      await (slot === undefined
        ? apps.start(resourceGroup, site)
        : apps.startSlot(resourceGroup, site, slot));
    }
  }

  private async patchImage(ref: SiteRef, image: string): Promise<void> {
    const apps = this.apps(ref);
    const patch = { linuxFxVersion: linuxFxVersionFor(image) };
    if (ref.slot === undefined) {
      await apps.updateConfiguration(ref.resourceGroup, ref.site, patch);
    } else {
      await apps.updateConfigurationSlot(ref.resourceGroup, ref.site, ref.slot, patch);
    }
  }

  private apps(ref: Pick<SiteRef, 'subscription'>): WebSiteManagementClient['webApps'] {
    return this.clients.webSites(ref.subscription).webApps;
  }
}
