import type { Clock } from '../../shared/clock/index.js';
import { type AppState, type Deployment, type Serving, servingAt } from '../apps/appBehaviourAt.js';
import { parseImageRef, type Registry } from '../registry/Registry.js';
import type { Scenario } from '../scenario/Scenario.js';
import { parseDuration } from '../util/parseDuration.js';
import type { RampUpRule, SiteModel, SlotModel } from './SlotModel.js';

const SUFFIX = 'azurewebsites.net';

/** The simulated App Service estate: sites, slots and what runs in each, on the sandbox clock. */
export class World {
  readonly sites: SiteModel[] = [];
  readonly startupMs: number;

  constructor(
    readonly scenario: Scenario,
    readonly registry: Registry,
    readonly clock: Clock,
  ) {
    this.startupMs = parseDuration(scenario.apps.startupDelay, 'apps.startupDelay');
    const t0 = clock.now();
    for (const s of scenario.sites) {
      const production = this.makeSlot(
        s.name,
        'production',
        s.resourceGroup,
        s.requestsPerSecond,
        s.state,
        s.image,
        t0,
      );
      production.customDomains = [...s.customDomains];
      const slots = new Map<string, SlotModel>();
      for (const sl of s.slots) {
        slots.set(
          sl.name.toLowerCase(),
          this.makeSlot(
            s.name,
            sl.name,
            s.resourceGroup,
            sl.requestsPerSecond,
            sl.state,
            sl.image,
            t0,
          ),
        );
      }
      this.sites.push({
        name: s.name,
        resourceGroup: s.resourceGroup,
        appInsights: s.appInsights,
        production,
        slots,
        routing: [{ from: Number.NEGATIVE_INFINITY, rules: [] }],
      });
    }
  }

  /** The site named `name` in `resourceGroup` (case-insensitive, as ARM), or undefined. */
  findSite(resourceGroup: string, name: string): SiteModel | undefined {
    return this.sites.find(
      (s) =>
        s.name.toLowerCase() === name.toLowerCase() &&
        s.resourceGroup.toLowerCase() === resourceGroup.toLowerCase(),
    );
  }

  /** Whether any site lives in `resourceGroup`. */
  hasResourceGroup(resourceGroup: string): boolean {
    const rg = resourceGroup.toLowerCase();
    return (
      this.sites.some((s) => s.resourceGroup.toLowerCase() === rg) ||
      this.scenario.appInsights.some((a) => a.resourceGroup.toLowerCase() === rg) ||
      this.scenario.registry.resourceGroup.toLowerCase() === rg
    );
  }

  /** Slot `slot` of `site` ("production" or undefined for the site itself). */
  slotOf(site: SiteModel, slot?: string): SlotModel | undefined {
    if (slot === undefined || slot.toLowerCase() === 'production') return site.production;
    return site.slots.get(slot.toLowerCase());
  }

  /** Every slot of every site, production first within each site. */
  allSlots(): SlotModel[] {
    return this.sites.flatMap((s) => [s.production, ...s.slots.values()]);
  }

  /** The app state of `slot` now: the state of whichever deployment answers its requests. */
  stateOf(slot: SlotModel, at = this.clock.now()): AppState {
    return this.servingOf(slot, at).state;
  }

  /** Which deployment answers requests to `slot` at `at` (see {@link servingAt}). */
  servingOf(slot: SlotModel, at = this.clock.now()): Serving {
    return servingAt(slot.deployment, at, this.startupMs, slot.armState === 'Stopped');
  }

  /**
   * Applies a new `linuxFxVersion`: when it names a different image, the slot restarts with it
   * (an unknown image leaves the slot without a runnable image, as a failed pull would). On a
   * running slot the container that answers now keeps answering until the new one is up, as
   * App Service does; on a stopped slot nothing runs until it is started.
   */
  applyLinuxFxVersion(slot: SlotModel, linuxFxVersion: unknown): void {
    if (typeof linuxFxVersion !== 'string') return;
    const current = slot.deployment;
    const now = this.clock.now();
    const next = this.deploymentFor(linuxFxVersion, now);
    if (
      current?.digest !== undefined &&
      current.digest === next?.digest &&
      current.image === next.image
    )
      return;
    const answering = this.servingOf(slot, now);
    const old = answering.deployment;
    const keepsAnswering =
      old !== undefined && (answering.state === 'Running' || answering.state === 'Unhealthy');
    this.setDeployment(
      slot,
      next !== undefined && keepsAnswering ? { ...next, previous: withoutPrevious(old) } : next,
    );
  }

  /** Restarts the slot's app with the image it already runs (start-up delay applies again). */
  restart(slot: SlotModel): void {
    const d = slot.deployment;
    this.setDeployment(slot, d === undefined ? undefined : freshStart(d, this.clock.now()));
  }

  /**
   * Stops or starts the slot (ARM `state`). Stopping ends every container of the slot (it
   * answers 403 "site stopped"); starting starts the configured image afresh, so the start-up
   * delay applies and nothing older answers meanwhile. Idempotent.
   */
  setArmState(slot: SlotModel, state: 'Running' | 'Stopped'): void {
    if (slot.armState === state) return;
    slot.armState = state;
    const d = slot.deployment;
    this.setDeployment(slot, d === undefined ? undefined : freshStart(d, this.clock.now()));
  }

  /** Sets what runs in the slot from now on and records it in the slot's timeline. */
  setDeployment(slot: SlotModel, d: Deployment | undefined): void {
    slot.deployment = d;
    slot.lastModifiedMs = this.clock.now();
    slot.timeline.push({
      from: this.clock.now(),
      deployment: d,
      stopped: slot.armState === 'Stopped',
    });
  }

  /** Records new ramp-up rules for production traffic of `site` from now on. */
  setRouting(site: SiteModel, rules: RampUpRule[]): void {
    site.routing.push({ from: this.clock.now(), rules });
  }

  /** Resolves `DOCKER|registry/repo@sha256:…` (or `:tag`) against the registry. */
  deploymentFor(linuxFxVersion: string, startedAt: number): Deployment | undefined {
    const m = /^DOCKER\|(.+)$/i.exec(linuxFxVersion.trim());
    if (m?.[1] === undefined) return undefined;
    let record;
    try {
      record = this.registry.resolve(parseImageRef(m[1]));
    } catch {
      record = undefined;
    }
    if (record === undefined) return { profile: { kind: 'healthy' }, startedAt, image: m[1] };
    return {
      image: record.ref,
      digest: record.digest,
      tag: record.tag,
      profile: record.profile,
      startedAt,
    };
  }

  private makeSlot(
    siteName: string,
    name: string,
    resourceGroup: string,
    requestsPerSecond: number,
    armState: 'Running' | 'Stopped',
    image: string | undefined,
    t0: number,
  ): SlotModel {
    const record = image === undefined ? undefined : this.registry.resolve(parseImageRef(image));
    if (image !== undefined && record === undefined) {
      throw new RangeError(
        `sites.${siteName}.image: expected an image in the scenario registry, got ${image}`,
      );
    }
    const linuxFxVersion = record === undefined ? '' : `DOCKER|${record.ref}`;
    const deployment =
      record === undefined ? undefined : this.deploymentFor(linuxFxVersion, t0 - 30 * 86_400_000);
    const hostName =
      name === 'production' ? `${siteName}.${SUFFIX}` : `${siteName}-${name}.${SUFFIX}`;
    return {
      siteName,
      name,
      resourceGroup,
      hostName,
      customDomains: [],
      requestsPerSecond,
      config: {
        numberOfWorkers: 1,
        linuxFxVersion,
        acrUseManagedIdentityCreds: true,
        acrUserManagedIdentityID: null,
        alwaysOn: true,
        healthCheckPath: '/health',
        http20Enabled: true,
        minTlsVersion: '1.2',
        ftpsState: 'Disabled',
        experiments: { rampUpRules: [] },
      },
      armState,
      deployment,
      timeline: [{ from: Number.NEGATIVE_INFINITY, deployment, stopped: armState === 'Stopped' }],
      slotSwapStatus: undefined,
      targetSwapSlot: undefined,
      lastModifiedMs: t0,
      url: '',
    };
  }
}

/** `d` started afresh at `at`: nothing older keeps answering. */
function freshStart(d: Deployment, at: number): Deployment {
  return { ...withoutPrevious(d), startedAt: at };
}

function withoutPrevious(d: Deployment): Deployment {
  const { previous: _previous, ...own } = d;
  return own;
}

/** The `DOCKER|…` string for an image reference. */
export function linuxFxVersionOf(imageRef: string): string {
  return `DOCKER|${imageRef}`;
}
