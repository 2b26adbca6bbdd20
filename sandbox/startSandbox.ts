import type { IncomingMessage, ServerResponse } from 'node:http';

import type { Clock } from '../shared/clock/index.js';
import { RealClock } from '../shared/clock/index.js';
import { AcrTokens } from './acr/AcrTokens.js';
import { handleAcr } from './acr/handleAcr.js';
import { handleAdmin } from './admin/handleAdmin.js';
import { startAppServer } from './apps/startAppServer.js';
import { handleArm } from './arm/handleArm.js';
import { SwapOperations } from './arm/SwapOperations.js';
import { readAuditTrail } from './audit/readAuditTrail.js';
import { rewritingHttpClient } from './auth/rewritingHttpClient.js';
import { staticCredential } from './auth/staticCredential.js';
import { type AzuriteProcess, startAzurite } from './azurite/startAzurite.js';
import { FaultInjector } from './faults/FaultInjector.js';
import { createLogsHandler } from './logs/createLogsHandler.js';
import { KqlParser } from './logs/kql/KqlParser.js';
import { handleSlotMetrics } from './metrics/handleSlotMetrics.js';
import { World } from './model/World.js';
import { ActionGroups } from './monitor/ActionGroups.js';
import { HookEndpoints } from './outside/HookEndpoints.js';
import { SlackReceiver } from './outside/SlackReceiver.js';
import { createPusher } from './registry/createPusher.js';
import { parseImageRef, Registry } from './registry/Registry.js';
import type { Sandbox, SandboxOptions, SiteState } from './Sandbox.js';
import type { SandboxContext } from './SandboxContext.js';
import { loadScenario } from './scenario/loadScenario.js';
import { faultSchema } from './scenario/Scenario.js';
import { startListeners } from './server/startListeners.js';
import { TelemetryGenerator } from './telemetry/TelemetryGenerator.js';
import { createCertificate } from './tls/createCertificate.js';
import { parseDuration } from './util/parseDuration.js';

/**
 * Starts a sandbox: the scenario's sites and slots with one app server each, ARM and Logs on a
 * TLS listener (self-signed CA written to `caCertPath`) and a plain listener (for the rewriting
 * client, admin API, Slack and hooks), and Azurite. `stop()` closes every port and child.
 */
export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const clock: Clock = opts.clock ?? new RealClock();
  const log = opts.log ?? ((): void => undefined);
  const scenario = loadScenario(opts.scenario);
  const registry = new Registry(scenario.registry.loginServer);
  for (const img of scenario.registry.images) {
    const ref = parseImageRef(img.image);
    registry.push(ref.repository, ref.tag, img.profile, clock.now());
  }
  const world = new World(scenario, registry, clock);
  const faults = new FaultInjector(scenario.seed);
  for (const f of scenario.faults) faults.add(f);
  const swaps = new SwapOperations(
    world,
    parseDuration(scenario.swap.duration, 'swap.duration'),
    scenario.swap.polls,
    log,
  );
  const ctx: SandboxContext = { clock, world, swaps, faults, armAudit: [], log };
  const slack = new SlackReceiver(() => clock.now());
  const hooks = new HookEndpoints(clock, log);
  const actionGroups = new ActionGroups(() => clock.now());
  for (const [name, h] of Object.entries(scenario.hooks)) {
    if (typeof h === 'string') hooks.set(name, h);
    else
      hooks.set(
        name,
        h.behaviour,
        h.delay === undefined ? undefined : parseDuration(h.delay, `hooks.${name}.delay`),
      );
  }

  const cleanups: Array<() => Promise<void>> = [];
  const stop = async (): Promise<void> => {
    hooks.stop();
    await Promise.allSettled(
      cleanups
        .splice(0)
        .reverse()
        .map((c) => c()),
    );
  };
  try {
    const wantAzurite = opts.azurite ?? true;
    const azuritePromise: Promise<AzuriteProcess | undefined> =
      wantAzurite === false
        ? Promise.resolve(undefined)
        : startAzurite(typeof wantAzurite === 'object' ? wantAzurite : {});
    azuritePromise.then(
      (a) => a !== undefined && cleanups.push(() => a.stop()),
      () => undefined,
    );
    const certificate = opts.tls === false ? undefined : await createCertificate();

    const hostMap: Record<string, string> = {};
    for (const site of world.sites) {
      for (const slot of [site.production, ...site.slots.values()]) {
        const app = await startAppServer(world, site, slot, scenario.apps.maxRealDelayMs);
        cleanups.push(() => app.close());
        slot.url = app.url;
        hostMap[slot.hostName] = app.url;
        for (const domain of slot.customDomains) hostMap[domain] = app.url;
      }
    }

    const ref: { sandbox?: Sandbox } = {};
    const parser = new KqlParser();
    cleanups.push(() => parser.close());
    if (opts.warmKql === true) void parser.warmUp();
    const telemetry = new TelemetryGenerator(
      world,
      clock.now() - 3_600_000,
      parseDuration(scenario.telemetry.ingestionDelay, 'telemetry.ingestionDelay'),
      scenario.telemetry.paths,
    );
    const logs = createLogsHandler(ctx, parser, telemetry);
    const acrTokens = new AcrTokens();
    const acr = (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> =>
      handleAcr(ctx, acrTokens, req, res, url);
    const listeners = await startListeners(
      [
        {
          prefix: '/subscriptions/',
          handle: (req, res, url, base) =>
            handleArm(ctx, req, res, url, base.arm, (r, u, site, slot) =>
              handleSlotMetrics(ctx, telemetry, r, u, site, slot),
            ),
          audited: true,
        },
        { prefix: '/v1/', handle: (req, res, url) => logs(req, res, url) },
        { prefix: '/acr/', handle: acr, audited: true },
        { prefix: '/oauth2/', handle: acr, audited: true },
        { prefix: '/slack', handle: (req, res, url) => slack.handle(req, res, url) },
        { prefix: '/hooks', handle: (req, res, url) => hooks.handle(req, res, url) },
        {
          prefix: '/admin',
          handle: (req, res, url) => {
            const sandbox = ref.sandbox;
            if (sandbox === undefined) return Promise.reject(new Error('sandbox is starting'));
            return handleAdmin(sandbox, () => readyInfo(sandbox), req, res, url);
          },
        },
      ],
      certificate,
      opts.port ?? 0,
      ctx.armAudit,
      () => clock.now(),
    );
    cleanups.push(() => listeners.close());
    const azurite = await azuritePromise;
    const retries = new AbortController();
    cleanups.push(() => Promise.resolve(retries.abort(new Error('sandbox stopped'))));
    const pusher = createPusher(ctx, registry, opts.eventGridUrl, retries.signal);
    const armOrigin = certificate === undefined ? listeners.httpOrigin : listeners.httpsOrigin;

    const sandbox: Sandbox = {
      armEndpoint: armOrigin,
      logsEndpoint: `${armOrigin}/v1`,
      registryEndpoints: { [registry.loginServer]: armOrigin },
      blobConnectionString: azurite?.connectionString ?? '',
      caCertPath: certificate?.caCertPath ?? '',
      adminUrl: `${listeners.httpOrigin}/admin`,
      slackUrl: `${listeners.httpOrigin}/slack`,
      hooksUrl: `${listeners.httpOrigin}/hooks`,
      hostMap,
      subscriptionId: scenario.subscriptionId,
      credential: staticCredential,
      rewritingHttpClient: () => rewritingHttpClient(listeners.httpOrigin),
      setEventGridUrl: (url) => pusher.setUrl(url),
      setActionGroup: (name, serviceUri) => actionGroups.setReceiver(name, serviceUri),
      fireAlert: (name, alert) => actionGroups.fire(name, alert),
      push: (ref, o) => pusher.push(ref, o),
      deliverHeld: () => pusher.deliverHeld(),
      slackMessages: (channel) => slack.list(channel),
      hookCalls: (name) => hooks.list(name),
      setHook: (name, behaviour, o) => hooks.set(name, behaviour, o?.delayMs),
      injectFault: (f) => {
        const parsed = faultSchema.safeParse(f);
        if (!parsed.success) {
          throw new RangeError(
            parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
          );
        }
        faults.add(parsed.data);
      },
      clearFaults: () => faults.clear(),
      faults: () => faults.list(),
      faultsFired: () => faults.fired(),
      armRequests: () => [...ctx.armAudit],
      auditTrail: (pipeline, releaseId, container) => {
        if (azurite === undefined) {
          return Promise.reject(new Error('auditTrail: this sandbox runs without Azurite'));
        }
        return readAuditTrail(azurite.connectionString, pipeline, releaseId, container);
      },
      routingHistory: (siteName) => {
        const site = world.sites.find((s) => s.name.toLowerCase() === siteName.toLowerCase());
        if (site === undefined)
          throw new RangeError(`site: expected a scenario site, got ${siteName}`);
        return site.routing.map((r) => ({ at: r.from, rules: structuredClone(r.rules) }));
      },
      siteState: (siteName, slotName): SiteState => {
        swaps.settle();
        const site = world.sites.find((s) => s.name.toLowerCase() === siteName.toLowerCase());
        const slot = site === undefined ? undefined : world.slotOf(site, slotName);
        if (slot === undefined)
          throw new RangeError(
            `site: expected a scenario site/slot, got ${siteName}/${slotName ?? 'production'}`,
          );
        const serving = world.servingOf(slot);
        const answers = serving.state === 'Running' || serving.state === 'Unhealthy';
        return {
          image: slot.deployment?.image,
          digest: slot.deployment?.digest,
          state: serving.state,
          servedDigest: answers ? serving.deployment?.digest : undefined,
          hostName: slot.hostName,
          url: slot.url,
        };
      },
      stop,
    };
    ref.sandbox = sandbox;
    return sandbox;
  } catch (err) {
    await stop();
    throw err;
  }
}

/** The JSON `npm run sandbox` prints after `sandbox ready `: every endpoint a client needs. */
export type ReadyInfo = Pick<
  Sandbox,
  | 'armEndpoint'
  | 'logsEndpoint'
  | 'registryEndpoints'
  | 'blobConnectionString'
  | 'caCertPath'
  | 'adminUrl'
  | 'slackUrl'
  | 'hooksUrl'
  | 'hostMap'
  | 'subscriptionId'
>;

/** The JSON `npm run sandbox` prints after `sandbox ready `. */
export function readyInfo(s: Sandbox): ReadyInfo {
  return {
    armEndpoint: s.armEndpoint,
    logsEndpoint: s.logsEndpoint,
    registryEndpoints: s.registryEndpoints,
    blobConnectionString: s.blobConnectionString,
    caCertPath: s.caCertPath,
    adminUrl: s.adminUrl,
    slackUrl: s.slackUrl,
    hooksUrl: s.hooksUrl,
    hostMap: s.hostMap,
    subscriptionId: s.subscriptionId,
  };
}
