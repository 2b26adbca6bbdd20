import type {
  AppServicePort,
  AuditStore,
  ClaimStore,
  HookClient,
  HttpProbe,
  Notifier,
  RequestMetricsPort,
  SlotMetricsPort,
  TrafficRoutingPort,
} from '../azure/ports/index.js';
import type { SlotpilotConfig } from '../domain/config/index.js';

/**
 * What every activity (release, monitoring, canary) is built from; the composition root
 * passes it once. Ports do the I/O; `config` holds the secret URLs and the App Insights
 * resource that activities look up by pipeline and stage, so they never enter durable history.
 */
export interface ActivityDeps {
  appService: AppServicePort;
  probe: HttpProbe;
  hooks: HookClient;
  notifier: Notifier;
  audit: AuditStore;
  /** Where hook calls keep their callback records (see `HookCallbackRecord`). */
  claims: ClaimStore;
  /** Request statistics of production (Application Insights), for monitoring. */
  metrics: RequestMetricsPort;
  /** App Service routing rules, for canaries. */
  routing: TrafficRoutingPort;
  /** Platform metrics of a slot, for canaries. */
  slotMetrics: SlotMetricsPort;
  config: SlotpilotConfig;
  /** Public origin of the function app, for links in notifications (no trailing slash). */
  publicBaseUrl: string;
}
