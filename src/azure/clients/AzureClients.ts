import type { WebSiteManagementClient } from '@azure/arm-appservice';
import type { MonitorClient } from '@azure/arm-monitor';
import type { ContainerRegistryClient } from '@azure/container-registry';
import type { TokenCredential } from '@azure/core-auth';
import type { LogsQueryClient } from '@azure/monitor-query-logs';
import type { ContainerClient } from '@azure/storage-blob';

import type { AzureSettings } from './AzureSettings.js';

/**
 * Every Azure SDK client Slotpilot uses, built once by `createClients` with one decision about
 * endpoint, transport and credential. Adapters take this (or the part they need); nothing
 * else constructs SDK clients.
 */
export interface AzureClients {
  /** The validated settings the clients were built from. */
  readonly settings: AzureSettings;
  readonly credential: TokenCredential;
  /** The App Service management client of a subscription (cached per subscription). */
  webSites(subscriptionId: string): WebSiteManagementClient;
  /**
   * The Azure Monitor management client of a subscription (per-resource platform metrics),
   * loaded and built on first use so that @azure/arm-monitor costs nothing at cold start.
   */
  monitor(subscriptionId: string): Promise<MonitorClient>;
  /** The Logs query client (Application Insights / Log Analytics). */
  readonly logs: LogsQueryClient;
  /**
   * The data-plane client of a container registry, by login server (`pwbiregistry.azurecr.io`;
   * cached per lower-cased login server). Throws NonRetryableError in sandbox mode for a
   * registry the sandbox does not serve (`SLOTPILOT_REGISTRY_ENDPOINTS`).
   */
  registry(loginServer: string): ContainerRegistryClient;
  /** The audit container (created on first use by the audit store). */
  readonly auditContainer: ContainerClient;
  /** Base URL that reaches a site's host name from here (`SLOTPILOT_HOST_MAP`, else `https://<hostName>`). */
  siteUrl(hostName: string): string;
}
