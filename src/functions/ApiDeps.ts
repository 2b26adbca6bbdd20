import type {
  AppServicePort,
  ClaimStore,
  RegistryPort,
  TrafficRoutingPort,
} from '../azure/ports/index.js';
import type { SlotpilotConfig } from '../domain/config/index.js';
import type { IdentitySettings } from '../domain/identity/index.js';

/** What the triggers need, built once by the composition root (src/index.ts). */
export interface ApiDeps {
  /** The validated pipeline config. */
  config: SlotpilotConfig;
  /** Platform auth and bearer token settings. */
  identity: IdentitySettings;
  /** Live reads of sites and slots for the slots view. */
  appService: AppServicePort;
  /** The sites' routing rules, for the slots view's traffic percentages (optional in tests). */
  routing?: Pick<TrafficRoutingPort, 'readShares'>;
  /** Tag → digest lookups for releases started by tag. */
  registry: RegistryPort;
  /**
   * Claims that survive restarts: the first of concurrent decisions on a stage wins, and hook
   * callback records are read and used up here.
   */
  claims: ClaimStore;
  /** Slotpilot's version (package.json), shown by /api/health. */
  version: string;
  /** The Slack app's signing secret (SLACK_SIGNING_SECRET); absent or '' refuses every Slack click. */
  slackSigningSecret?: string;
  /** True when running against the local sandbox (SLOTPILOT_LOCAL_MODE). */
  localMode: boolean;
  /** The retention period (SLOTPILOT_RETENTION): how far back the release list may reach. */
  retentionMs: number;
}
