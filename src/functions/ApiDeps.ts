import type { AppServicePort, RegistryPort } from '../azure/ports/index.js';
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
  /** Tag → digest lookups for releases started by tag. */
  registry: RegistryPort;
  /** Slotpilot's version (package.json), shown by /api/health. */
  version: string;
  /** True when running against the local sandbox (SLOTPILOT_LOCAL_MODE). */
  localMode: boolean;
}
