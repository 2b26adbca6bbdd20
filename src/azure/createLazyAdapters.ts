import type { CreateClientsOptions } from './clients/createClients.js';
import { type AppSettings, readAzureSettings } from './clients/readAzureSettings.js';
import { checkTransport } from './clients/transportChecks.js';
import type { Adapters } from './createAdapters.js';
import { FetchHookClient } from './http/FetchHookClient.js';
import { FetchHttpProbe } from './http/FetchHttpProbe.js';
import { lazyPort } from './lazyPort.js';
import { SlackNotifier } from './slack/SlackNotifier.js';

/**
 * The composition root's adapters, with every Azure SDK package loaded on first use instead of
 * at cold start (issue 14: on Flex Consumption every cold start pays the import). Validates the
 * settings now (`readAzureSettings`, `checkTransport`: a bad setting still stops startup); the SDK clients and
 * the adapters over them (`createClients` + `createAdapters`) are built, once, by the first
 * call to any SDK-backed port. The plain-`fetch` adapters (probe, hooks, Slack) are built now.
 * Example: `const adapters = createLazyAdapters(process.env);`
 */
export function createLazyAdapters(
  settings: AppSettings,
  options: CreateClientsOptions = {},
): Adapters {
  const parsed = readAzureSettings(settings);
  checkTransport(parsed);
  let built: Promise<Adapters> | undefined;
  const sdk = (): Promise<Adapters> => {
    built ??= Promise.all([import('./clients/createClients.js'), import('./createAdapters.js')])
      .then(([clients, adapters]) =>
        adapters.createAdapters(clients.createClients(settings, options)),
      )
      .catch((err: unknown) => {
        built = undefined;
        throw err;
      });
    return built;
  };
  return {
    appService: lazyPort(async () => (await sdk()).appService, {
      getSlot: true,
      listSlots: true,
      deployImage: true,
      beginSwap: true,
      pollSwap: true,
    }),
    probe: new FetchHttpProbe(),
    hooks: new FetchHookClient(),
    notifier: new SlackNotifier(),
    audit: lazyPort(async () => (await sdk()).audit, {
      append: true,
      putRelease: true,
      getRelease: true,
      events: true,
    }),
    claims: lazyPort(async () => (await sdk()).claims, { claim: true, read: true, remove: true }),
    requestMetrics: lazyPort(async () => (await sdk()).requestMetrics, { requestStats: true }),
    slotMetrics: lazyPort(async () => (await sdk()).slotMetrics, { traffic: true }),
    routing: lazyPort(async () => (await sdk()).routing, { readShares: true, setShare: true }),
    registry: lazyPort(async () => (await sdk()).registry, { resolveTag: true }),
    siteUrl: (hostName) => parsed.hostMap[hostName.toLowerCase()] ?? `https://${hostName}`,
  };
}
