import type { Sandbox } from '../../../../sandbox/index.js';
import type { AppSettings } from '../../../../src/azure/index.js';

/** The app settings that point Slotpilot's clients at a running sandbox (TLS + its CA). */
export function sandboxSettings(sandbox: Sandbox, extra: AppSettings = {}): AppSettings {
  return {
    SLOTPILOT_ARM_ENDPOINT: sandbox.armEndpoint,
    SLOTPILOT_LOGS_ENDPOINT: sandbox.logsEndpoint,
    SLOTPILOT_CA_CERT: sandbox.caCertPath,
    SLOTPILOT_HOST_MAP: JSON.stringify(sandbox.hostMap),
    SLOTPILOT_REGISTRY_ENDPOINTS: JSON.stringify(sandbox.registryEndpoints),
    SLOTPILOT_AUDIT_CONNECTION: sandbox.blobConnectionString || 'UseDevelopmentStorage=true',
    ...extra,
  };
}
