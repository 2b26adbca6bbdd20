import type {
  AppServicePort,
  AuditStore,
  ClaimStore,
  HookClient,
  HttpProbe,
  Notifier,
} from '../azure/ports/index.js';
import type { SlotpilotConfig } from '../domain/config/index.js';

/**
 * What the release activities are built from (the composition root passes it once).
 * Ports do the I/O; `config` holds the secret URLs activities look up by name.
 */
export interface ActivityDeps {
  appService: AppServicePort;
  probe: HttpProbe;
  hooks: HookClient;
  notifier: Notifier;
  audit: AuditStore;
  /** Where hook calls keep their callback records (see `HookCallbackRecord`). */
  claims: ClaimStore;
  config: SlotpilotConfig;
  /** Public origin of the function app, for links in notifications (no trailing slash). */
  publicBaseUrl: string;
}
