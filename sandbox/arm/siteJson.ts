import type { SlotModel } from '../model/SlotModel.js';
import type { World } from '../model/World.js';
import { slotResourceId } from './armPaths.js';

/** `lastModifiedTimeUtc` as App Service writes it: ISO without the trailing `Z`. */
function armTime(ms: number): string {
  return new Date(ms).toISOString().replace(/Z$/, '');
}

/**
 * The Site JSON App Service answers for GET site / slot (shape of the recorded real response):
 * everything but the envelope lives under `properties`; `siteConfig` carries `linuxFxVersion`
 * with most other fields null, as the real GET does.
 */
export function siteJson(world: World, slot: SlotModel): Record<string, unknown> {
  const sub = world.scenario.subscriptionId;
  const isProd = slot.name === 'production';
  const scm = slot.hostName.replace('.azurewebsites.net', '.scm.azurewebsites.net');
  const rg = slot.resourceGroup;
  return {
    id: slotResourceId(sub, slot),
    name: isProd ? slot.siteName : `${slot.siteName}/${slot.name}`,
    type: isProd ? 'Microsoft.Web/sites' : 'Microsoft.Web/sites/slots',
    kind: 'app,linux,container',
    location: world.scenario.location,
    tags: {},
    properties: {
      name: isProd ? slot.siteName : `${slot.siteName}(${slot.name})`,
      state: slot.armState,
      hostNames: [...slot.customDomains, slot.hostName],
      enabledHostNames: [...slot.customDomains, slot.hostName, scm],
      hostNameSslStates: [
        ...slot.customDomains.map((name) => ({
          name,
          sslState: 'SniEnabled',
          hostType: 'Standard',
        })),
        { name: slot.hostName, sslState: 'Disabled', hostType: 'Standard' },
        { name: scm, sslState: 'Disabled', hostType: 'Repository' },
      ],
      defaultHostName: slot.hostName,
      repositorySiteName: slot.siteName,
      usageState: 'Normal',
      availabilityState: 'Normal',
      enabled: true,
      reserved: true,
      isXenon: false,
      hyperV: false,
      resourceGroup: rg,
      serverFarmId: `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Web/serverfarms/${slot.siteName}-plan`,
      lastModifiedTimeUtc: armTime(slot.lastModifiedMs),
      siteConfig: {
        numberOfWorkers: 1,
        linuxFxVersion: slot.config['linuxFxVersion'] ?? '',
        windowsFxVersion: null,
        acrUseManagedIdentityCreds: slot.config['acrUseManagedIdentityCreds'] ?? false,
        alwaysOn: slot.config['alwaysOn'] ?? false,
        http20Enabled: slot.config['http20Enabled'] ?? false,
        experiments: null,
        appSettings: null,
        healthCheckPath: null,
      },
      httpsOnly: true,
      clientAffinityEnabled: false,
      slotSwapStatus: slot.slotSwapStatus ?? null,
      targetSwapSlot: slot.targetSwapSlot ?? null,
      outboundIpAddresses: '20.0.0.1,20.0.0.2',
      possibleOutboundIpAddresses: '20.0.0.1,20.0.0.2,20.0.0.3',
      containerSize: 0,
      dailyMemoryTimeQuota: 0,
      defaultHostNameScope: 'Global',
      publicNetworkAccess: 'Enabled',
    },
  };
}

/** The SiteConfigResource JSON for GET/PATCH/PUT `config/web`. */
export function configJson(world: World, slot: SlotModel): Record<string, unknown> {
  const isProd = slot.name === 'production';
  return {
    id: `${slotResourceId(world.scenario.subscriptionId, slot)}/config/web`,
    name: isProd ? slot.siteName : `${slot.siteName}/${slot.name}`,
    type: isProd ? 'Microsoft.Web/sites/config' : 'Microsoft.Web/sites/slots/config',
    kind: 'app,linux,container',
    location: world.scenario.location,
    properties: structuredClone(slot.config),
  };
}
