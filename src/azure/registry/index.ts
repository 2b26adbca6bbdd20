export { ContainerRegistryAdapter, type RegistryClients } from './ContainerRegistryAdapter.js';
export { mapRegistryError } from './mapRegistryError.js';
