/**
 * Composition root of the Slotpilot function app (package.json `main`). Reads app settings,
 * builds the Azure adapters, and registers every function. The pipeline config is read once,
 * before the first invocation that may use it (a preInvocation hook), not at import: yaml,
 * zod and the Azure SDKs stay out of the cold start (issue 14). Registrations depend on no
 * config. A bad config fails every invocation that reads it, and `/api/health`, with every
 * problem listed (ConfigError's); `npm start` checks /api/health and stops before saying ready.
 */
import { isAbsolute, join } from 'node:path';

import { app } from '@azure/functions';

import { registerActivities } from './activities/index.js';
import { createLazyAdapters } from './azure/createLazyAdapters.js';
import { deferConfigFile } from './domain/config/deferConfigFile.js';
import { alertAuthFromEnv, registerAlertFunctions } from './functions/alerts.js';
import { registerRecoveryFunctions } from './functions/recovery/registerRecoveryFunctions.js';
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
const config = deferConfigFile(isAbsolute(configPath) ? configPath : join(root, configPath), {
  settings,
});
// Orchestrator and entity episodes never read it: their replays after a cold start skip the load.
const configFreeTriggers = new Set(['orchestrationTrigger', 'entityTrigger']);
app.hook.preInvocation(async ({ invocationContext }) => {
  if (!configFreeTriggers.has(invocationContext.options.trigger.type)) await config.load();
});
// The deps below read it through a getter, at call time; spreading them would read it at import.

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
  get config() {
    return config.current();
  },
  publicBaseUrl: baseUrl,
});
registerMonitorOrchestrators();
registerCanaryOrchestrators();
registerAlertFunctions({
  identity,
  get config() {
    return config.current();
  },
  alerts: alertAuthFromEnv(settings),
});
registerRecoveryFunctions({ identity, claims });
registerRetention(retentionFromEnv(settings));
registerCanaryFunctions({ identity, claims });
registerApiFunctions({
  get config() {
    return config.current();
  },
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
