import { AppServiceAdapter } from './appService/AppServiceAdapter.js';
import { TrafficRoutingAdapter } from './appService/TrafficRoutingAdapter.js';
import { BlobAuditStore } from './audit/BlobAuditStore.js';
import { BlobClaimStore } from './claims/BlobClaimStore.js';
import type { AzureClients } from './clients/AzureClients.js';
import { FetchHookClient } from './http/FetchHookClient.js';
import { FetchHttpProbe } from './http/FetchHttpProbe.js';
import { ArmSlotMetrics } from './metrics/ArmSlotMetrics.js';
import { LogsRequestMetrics } from './metrics/LogsRequestMetrics.js';
import type {
  AppServicePort,
  AuditStore,
  ClaimStore,
  HookClient,
  HttpProbe,
  Notifier,
  RegistryPort,
  RequestMetricsPort,
  SlotMetricsPort,
  TrafficRoutingPort,
} from './ports/index.js';
import { ContainerRegistryAdapter } from './registry/ContainerRegistryAdapter.js';
import { SlackNotifier } from './slack/SlackNotifier.js';

/** Every port implemented over the real clients, as the composition root hands them out. */
export interface Adapters {
  appService: AppServicePort;
  probe: HttpProbe;
  hooks: HookClient;
  notifier: Notifier;
  audit: AuditStore;
  /** Claims that survive restarts: decisions (compare-and-set) and hook callback records. */
  claims: ClaimStore;
  requestMetrics: RequestMetricsPort;
  /** Per-slot App Service platform metrics (canary judging). */
  slotMetrics: SlotMetricsPort;
  /** The site's routing rules (canary traffic shares). */
  routing: TrafficRoutingPort;
  /** Tag lookups in container registries (manual starts by tag). */
  registry: RegistryPort;
  /** Base URL that reaches a site's host name from here (see `AzureClients.siteUrl`). */
  siteUrl(hostName: string): string;
}

/**
 * Builds every adapter over clients from `createClients(settings)`. Creates no connections.
 * Example: `const adapters = createAdapters(createClients(process.env));`
 */
export function createAdapters(clients: AzureClients): Adapters {
  return {
    appService: new AppServiceAdapter(clients),
    probe: new FetchHttpProbe(),
    hooks: new FetchHookClient(),
    notifier: new SlackNotifier(),
    audit: new BlobAuditStore(clients.auditContainer),
    claims: new BlobClaimStore(clients.auditContainer),
    requestMetrics: new LogsRequestMetrics(clients.logs),
    slotMetrics: new ArmSlotMetrics(clients),
    routing: new TrafficRoutingAdapter(clients),
    registry: new ContainerRegistryAdapter(clients),
    siteUrl: (hostName) => clients.siteUrl(hostName),
  };
}
