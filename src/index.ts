/**
 * Composition root of the Slotpilot function app (package.json `main`). Reads app settings
 * and the pipeline config once, builds the Azure adapters, and registers every function.
 * A bad config stops startup with every problem listed (ConfigError's message).
 */
import { isAbsolute, join } from 'node:path';

import { registerActivities } from './activities/index.js';
import { createLazyAdapters } from './azure/createLazyAdapters.js';
import { loadConfigFile } from './domain/config/index.js';
import { alertAuthFromEnv, registerRecoveryFunctions } from './functions/alerts.js';
import { registerApiFunctions } from './functions/registerApiFunctions.js';
import { registerCanaryFunctions } from './functions/registerCanaryFunctions.js';
import { registerRetention, retentionFromEnv } from './functions/retention/purgeFinished.js';
import { appRoot } from './functions/startup/appRoot.js';
import { publicBaseUrl } from './functions/startup/publicBaseUrl.js';
import { readAppVersion } from './functions/startup/readAppVersion.js';
import { registerCanaryOrchestrators } from './orchestrators/canary/index.js';
import { registerOrchestrators } from './orchestrators/index.js';
import { registerMonitorOrchestrators } from './orchestrators/monitor/index.js';

const settings = process.env;
const root = appRoot(import.meta.url);
const configPath = settings.SLOTPILOT_CONFIG ?? 'slotpilot.yaml';
const config = loadConfigFile(isAbsolute(configPath) ? configPath : join(root, configPath), {
  settings,
});

// Azure SDK packages load on the first call that needs them, not at cold start.
const adapters = createLazyAdapters(settings);
const {
  appService,
  probe,
  hooks,
  notifier,
  audit,
  claims,
  requestMetrics,
  registry,
  routing,
  slotMetrics,
} = adapters;
const baseUrl = publicBaseUrl(settings);

const localMode = settings.SLOTPILOT_LOCAL_MODE === 'true';
const configuredKey = settings.SLOTPILOT_SIGNING_KEY ?? '';
// The dev-only key of local.settings.json is public: never accept tokens signed with it on Azure.
const devOnlyKey = /DEV-ONLY/i.test(configuredKey) && !localMode;
if (devOnlyKey) {
  console.warn(
    'SLOTPILOT_SIGNING_KEY is the dev-only key from local.settings.json: bearer tokens are disabled until a real key is set.',
  );
}
const identity = {
  platformAuthEnabled: settings.WEBSITE_AUTH_ENABLED?.toLowerCase() === 'true',
  signingKey: devOnlyKey ? '' : configuredKey,
};
registerOrchestrators();
registerActivities({
  appService,
  probe,
  hooks,
  notifier,
  audit,
  claims,
  metrics: requestMetrics,
  routing,
  slotMetrics,
  config,
  publicBaseUrl: baseUrl,
});
registerMonitorOrchestrators();
registerCanaryOrchestrators();
registerRecoveryFunctions({ identity, config, claims, alerts: alertAuthFromEnv(settings) });
registerRetention(retentionFromEnv(settings));
registerCanaryFunctions({ identity });
registerApiFunctions({
  config,
  identity,
  appService,
  routing,
  registry,
  claims,
  version: readAppVersion(root),
  localMode,
  retentionMs: retentionFromEnv(settings),
  slackSigningSecret: settings.SLACK_SIGNING_SECRET ?? '',
});
