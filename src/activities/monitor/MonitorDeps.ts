import type {
  AppServicePort,
  AuditStore,
  HttpProbe,
  Notifier,
  RequestMetricsPort,
} from '../../azure/ports/index.js';
import type { SlotpilotConfig } from '../../domain/config/index.js';

/**
 * What the monitoring activities are built from (the composition root passes it once).
 * Ports do the I/O; `config` holds the App Insights resource and the Slack URLs that
 * activities look up by pipeline and stage, so they never enter durable history.
 */
export interface MonitorDeps {
  appService: AppServicePort;
  probe: HttpProbe;
  metrics: RequestMetricsPort;
  notifier: Notifier;
  audit: AuditStore;
  config: SlotpilotConfig;
  /** Public origin of the function app, for links in notifications (no trailing slash). */
  publicBaseUrl: string;
}
