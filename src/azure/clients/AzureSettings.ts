/**
 * Where Slotpilot's Azure clients point, validated from app settings by
 * {@link readAzureSettings}. On Azure only `audit` is set (public endpoints, managed identity);
 * in sandbox mode the ARM and Logs endpoints are local.
 */
export interface AzureSettings {
  /** `sandbox` when `SLOTPILOT_ARM_ENDPOINT` is set, else `azure`. */
  mode: 'azure' | 'sandbox';
  /** Sandbox ARM base URL (`https://127.0.0.1:PORT`, or `http://…` reached by URL rewriting). */
  armEndpoint?: string;
  /** Sandbox Logs base URL including `/v1`. */
  logsEndpoint?: string;
  /** PEM file the ARM and Logs clients trust (sandbox certificate). */
  caCertPath?: string;
  /**
   * Lower-cased registry login server → base URL of its data plane here
   * (`SLOTPILOT_REGISTRY_ENDPOINTS`, e.g. the sandbox's). Registries not listed are reached at
   * `https://<loginServer>` on Azure, and not at all in sandbox mode.
   */
  registryEndpoints: Readonly<Record<string, string>>;
  /** Lower-cased host name → base URL that reaches it from here (`SLOTPILOT_HOST_MAP`). */
  hostMap: Readonly<Record<string, string>>;
  /** Where the audit trail lives. */
  audit: AuditStorageSettings;
  /** Client id of a user-assigned managed identity (`AZURE_CLIENT_ID`), when set. */
  managedIdentityClientId?: string;
}

/** The Blob account of the audit trail: a connection string or an identity-based account URL. */
export type AuditStorageSettings = (
  | { kind: 'connectionString'; connectionString: string; from: string }
  | { kind: 'serviceUrl'; serviceUrl: string; from: string }
) & {
  /** Container name (`SLOTPILOT_AUDIT_CONTAINER`, default `slotpilot-audit`). */
  container: string;
};
