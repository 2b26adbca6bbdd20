export { AppServiceAdapter, type AppServiceClients } from './appService/index.js';
export type { AzureClients } from './clients/AzureClients.js';
export type { AuditStorageSettings, AzureSettings } from './clients/AzureSettings.js';
export { createClients, type CreateClientsOptions } from './clients/createClients.js';
export { type AppSettings, readAzureSettings } from './clients/readAzureSettings.js';
export { AzureRequestError } from './errors/AzureRequestError.js';
export { mapAzureError } from './errors/mapAzureError.js';
export type * from './ports/index.js';
