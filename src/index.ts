/**
 * Composition root of the Slotpilot function app (package.json `main`). Reads app settings
 * and the pipeline config once, builds the Azure adapters, and registers every function.
 * A bad config stops startup with every problem listed (ConfigError's message).
 */
import { isAbsolute, join } from 'node:path';

import { registerActivities } from './activities/index.js';
import { FetchHookClient } from './azure/http/FetchHookClient.js';
import { FetchHttpProbe } from './azure/http/FetchHttpProbe.js';
import { AppServiceAdapter, createClients } from './azure/index.js';
import { SlackNotifier } from './azure/slack/SlackNotifier.js';
import { loadConfigFile } from './domain/config/index.js';
import { registerApiFunctions } from './functions/registerApiFunctions.js';
import { appRoot } from './functions/startup/appRoot.js';
import { publicBaseUrl } from './functions/startup/publicBaseUrl.js';
import { readAppVersion } from './functions/startup/readAppVersion.js';
import { registerOrchestrators } from './orchestrators/index.js';

const settings = process.env;
const root = appRoot(import.meta.url);
const configPath = settings.SLOTPILOT_CONFIG ?? 'slotpilot.yaml';
const config = loadConfigFile(isAbsolute(configPath) ? configPath : join(root, configPath), {
  settings,
});

const clients = createClients(settings);
const appService = new AppServiceAdapter(clients);
const probe = new FetchHttpProbe();
const hooks = new FetchHookClient();
const notifier = new SlackNotifier();
const baseUrl = publicBaseUrl(settings);

registerOrchestrators();
// TODO(adapters): the Blob AuditStore adapter has not landed; activities register once it does:
// registerActivities({ appService, probe, hooks, notifier, audit, config, publicBaseUrl: baseUrl });
// TODO(monitoring): registerMonitorOrchestrators(), registerMonitorActivities({ ..., metrics }),
// registerRecoveryFunctions() once src/orchestrators/monitor and src/functions/alerts.ts land.
void registerActivities;
void [probe, hooks, notifier, baseUrl];
registerApiFunctions({
  config,
  identity: {
    platformAuthEnabled: settings.WEBSITE_AUTH_ENABLED?.toLowerCase() === 'true',
    signingKey: settings.SLOTPILOT_SIGNING_KEY ?? '',
  },
  appService,
  version: readAppVersion(root),
  localMode: settings.SLOTPILOT_LOCAL_MODE === 'true',
});
