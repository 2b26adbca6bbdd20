export { AppServiceAdapter, type AppServiceClients } from './AppServiceAdapter.js';
export { type FxImage, linuxFxVersionFor, parseLinuxFxVersion } from './parseLinuxFxVersion.js';
