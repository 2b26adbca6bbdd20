export { AppServiceAdapter, type AppServiceClients } from './appService/index.js';
export { BlobAuditStore, type BlobAuditStoreOptions } from './audit/BlobAuditStore.js';
export type { AzureClients } from './clients/AzureClients.js';
export type { AuditStorageSettings, AzureSettings } from './clients/AzureSettings.js';
export { createClients, type CreateClientsOptions } from './clients/createClients.js';
export { type AppSettings, readAzureSettings } from './clients/readAzureSettings.js';
export { type Adapters, createAdapters } from './createAdapters.js';
export { AzureRequestError } from './errors/AzureRequestError.js';
export { mapAzureError } from './errors/mapAzureError.js';
export { FetchHookClient } from './http/FetchHookClient.js';
export { FetchHttpProbe } from './http/FetchHttpProbe.js';
export { LogsRequestMetrics } from './metrics/LogsRequestMetrics.js';
export type * from './ports/index.js';
export {
  ContainerRegistryAdapter,
  mapRegistryError,
  type RegistryClients,
} from './registry/index.js';
export { buildSlackMessage } from './slack/buildSlackMessage.js';
export type { SlackMessage } from './slack/SlackMessage.js';
export { SlackNotifier, type SlackNotifierOptions } from './slack/SlackNotifier.js';
