import { WebSiteManagementClient } from '@azure/arm-appservice';
import type { MonitorClient } from '@azure/arm-monitor';
import { ContainerRegistryClient, KnownContainerRegistryAudience } from '@azure/container-registry';
import type { TokenCredential } from '@azure/core-auth';
import type {
  HttpClient,
  PipelinePolicy,
  PipelineRetryOptions,
  TlsSettings,
} from '@azure/core-rest-pipeline';
import { DefaultAzureCredential, ManagedIdentityCredential } from '@azure/identity';
import { LogsQueryClient } from '@azure/monitor-query-logs';
import { BlobServiceClient, type ContainerClient } from '@azure/storage-blob';

import { NonRetryableError } from '../../domain/errors.js';
import type { AzureClients } from './AzureClients.js';
import type { AzureSettings } from './AzureSettings.js';
import { prefixRewritingHttpClient } from './prefixRewritingHttpClient.js';
import { type AppSettings, readAzureSettings } from './readAzureSettings.js';
import { requestTimeoutPolicy } from './requestTimeoutPolicy.js';
import { staticTokenCredential } from './staticTokenCredential.js';
import { readCa, usesUrlRewriting } from './transportChecks.js';

/** Public endpoints of the clients (Azure mode, and the names rewritten in sandbox mode). */
export const PUBLIC_ARM_ENDPOINT = 'https://management.azure.com';
export const PUBLIC_LOGS_ENDPOINT = 'https://api.loganalytics.io/v1';

/** Options of {@link createClients}. */
export interface CreateClientsOptions {
  /**
   * SDK-level retries of ARM and Logs calls; default 0, because the adapters turn throttling
   * and outages into RetryAfterError and durable activity retries wait without blocking.
   */
  maxRetries?: number;
  /** Per-request timeout of ARM and Logs calls; default 60 s (a hung call is retryable). */
  requestTimeoutMs?: number;
  /**
   * Per-request timeout of registry calls; default 15 s. Tag lookups answer an HTTP request
   * (`POST /api/releases`), so they give up sooner than activities do.
   */
  registryRequestTimeoutMs?: number;
  /** Overrides the credential (tests). Default: see {@link createClients}. */
  credential?: TokenCredential;
}

/**
 * Builds every Azure client from app settings — the one place that decides endpoint,
 * transport and credential:
 * - Azure mode (no `SLOTPILOT_ARM_ENDPOINT`): public endpoints; `ManagedIdentityCredential`
 *   for the user-assigned identity named by `AZURE_CLIENT_ID`, else `DefaultAzureCredential`.
 * - Sandbox mode (`SLOTPILOT_ARM_ENDPOINT` and `SLOTPILOT_LOGS_ENDPOINT` set): a static token,
 *   the sandbox endpoints over TLS with the PEM at `SLOTPILOT_CA_CERT` trusted through client
 *   options (TLS verification stays on), or — for `http://` endpoints — public endpoints
 *   rewritten to the sandbox by the HTTP client.
 * Registry clients (`registry(loginServer)`) use the same credential with the ARM audience
 * (`https://management.azure.com/.default`, which ACR accepts for its token exchange) and reach
 * `https://<loginServer>`; in sandbox mode only the registries of `SLOTPILOT_REGISTRY_ENDPOINTS`,
 * over TLS with the same CA or, for `http://` endpoints, by URL rewriting.
 * The audit container comes from `SLOTPILOT_AUDIT_CONNECTION` / `AzureWebJobsStorage`
 * (`UseDevelopmentStorage=true` = Azurite). Throws ValidationError naming a bad setting.
 * Creates no connections: the first request does.
 */
export function createClients(
  settings: AppSettings,
  options: CreateClientsOptions = {},
): AzureClients {
  const parsed = readAzureSettings(settings);
  const credential = options.credential ?? credentialFor(parsed);
  const transport = transportFor(parsed);
  const retryOptions: PipelineRetryOptions = { maxRetries: options.maxRetries ?? 0 };
  const additionalPolicies: AdditionalPolicy[] = [
    { policy: requestTimeoutPolicy(options.requestTimeoutMs ?? 60_000), position: 'perCall' },
  ];
  // Same endpoint, transport and credential for App Service and metrics (both ARM calls).
  const arm = () => ({
    endpoint: transport.armEndpoint,
    retryOptions,
    additionalPolicies,
    ...transport.pipeline,
  });
  return {
    settings: parsed,
    credential,
    webSites: perKey(
      (subscriptionId) => new WebSiteManagementClient(credential, subscriptionId, arm()),
    ),
    monitor: perKey((subscriptionId) =>
      import('@azure/arm-monitor').then(
        ({ MonitorClient: Client }): MonitorClient => new Client(credential, subscriptionId, arm()),
      ),
    ),
    logs: new LogsQueryClient(credential, {
      endpoint: transport.logsEndpoint,
      retryOptions,
      additionalPolicies,
      ...transport.pipeline,
    }),
    registry: registryClients(parsed, credential, retryOptions, options),
    auditContainer: auditContainer(parsed.audit, credential),
    siteUrl: (hostName) => parsed.hostMap[hostName.toLowerCase()] ?? `https://${hostName}`,
  };
}

type AdditionalPolicy = { policy: PipelinePolicy; position: 'perCall' | 'perRetry' };

/** `make(key)` made once per key (a throw makes nothing, so the next call tries again). */
function perKey<T>(make: (key: string) => T): (key: string) => T {
  const made = new Map<string, T>();
  return (key) => {
    let value = made.get(key);
    if (value === undefined) {
      value = make(key);
      made.set(key, value);
    }
    return value;
  };
}

/** One registry client per login server (case-insensitive), routed by {@link registryRoute}. */
function registryClients(
  settings: AzureSettings,
  credential: TokenCredential,
  retryOptions: PipelineRetryOptions,
  options: CreateClientsOptions,
): (loginServer: string) => ContainerRegistryClient {
  const timeout = requestTimeoutPolicy(options.registryRequestTimeoutMs ?? 15_000);
  const client = perKey((loginServer) => {
    const route = registryRoute(settings, loginServer);
    return new ContainerRegistryClient(route.endpoint, credential, {
      audience: KnownContainerRegistryAudience.AzureResourceManagerPublicCloud,
      retryOptions,
      additionalPolicies: [{ policy: timeout, position: 'perCall' }],
      ...route.pipeline,
    });
  });
  return (loginServer) => client(loginServer.toLowerCase());
}

function auditContainer(
  audit: AzureSettings['audit'],
  credential: TokenCredential,
): ContainerClient {
  const blobService =
    audit.kind === 'connectionString'
      ? BlobServiceClient.fromConnectionString(audit.connectionString)
      : new BlobServiceClient(audit.serviceUrl, credential);
  return blobService.getContainerClient(audit.container);
}

function credentialFor(settings: AzureSettings): TokenCredential {
  // The sandbox's static token: its registry accepts no other AAD token in the exchange.
  if (settings.mode === 'sandbox') return staticTokenCredential('sandbox-token');
  return settings.managedIdentityClientId === undefined
    ? new DefaultAzureCredential()
    : new ManagedIdentityCredential({ clientId: settings.managedIdentityClientId });
}

interface Transport {
  armEndpoint: string;
  logsEndpoint: string;
  pipeline: { tlsOptions?: TlsSettings; httpClient?: HttpClient };
}

function transportFor(settings: AzureSettings): Transport {
  const { armEndpoint, logsEndpoint } = settings;
  if (settings.mode === 'azure' || armEndpoint === undefined || logsEndpoint === undefined) {
    return { armEndpoint: PUBLIC_ARM_ENDPOINT, logsEndpoint: PUBLIC_LOGS_ENDPOINT, pipeline: {} };
  }
  if (usesUrlRewriting(armEndpoint, logsEndpoint)) {
    return {
      armEndpoint: PUBLIC_ARM_ENDPOINT,
      logsEndpoint: PUBLIC_LOGS_ENDPOINT,
      pipeline: {
        httpClient: prefixRewritingHttpClient({
          [PUBLIC_ARM_ENDPOINT]: armEndpoint,
          [PUBLIC_LOGS_ENDPOINT]: logsEndpoint,
        }),
      },
    };
  }
  return {
    armEndpoint,
    logsEndpoint,
    pipeline:
      settings.caCertPath === undefined ? {} : { tlsOptions: { ca: readCa(settings.caCertPath) } },
  };
}

/** Where a registry's client points and how it gets there. */
function registryRoute(
  settings: AzureSettings,
  loginServer: string,
): { endpoint: string; pipeline: Transport['pipeline'] } {
  const publicEndpoint = `https://${loginServer}`;
  const mapped = settings.registryEndpoints[loginServer];
  if (mapped === undefined) {
    if (settings.mode === 'sandbox') {
      throw new NonRetryableError(
        `Registry ${loginServer} is not served here: sandbox mode reaches only the registries of SLOTPILOT_REGISTRY_ENDPOINTS (${Object.keys(settings.registryEndpoints).join(', ') || 'none'}).`,
      );
    }
    return { endpoint: publicEndpoint, pipeline: {} };
  }
  if (mapped.startsWith('http:')) {
    // The bearer policy refuses http URLs, so the client keeps its https endpoint and the
    // HTTP client sends the request to the plain-http listener.
    return {
      endpoint: publicEndpoint,
      pipeline: { httpClient: prefixRewritingHttpClient({ [publicEndpoint]: mapped }) },
    };
  }
  return {
    endpoint: mapped,
    pipeline:
      settings.caCertPath === undefined ? {} : { tlsOptions: { ca: readCa(settings.caCertPath) } },
  };
}
