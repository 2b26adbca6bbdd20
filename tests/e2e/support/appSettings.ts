import type { Sandbox } from '../../../sandbox/index.js';

/** The dev-only signing key the e2e tests sign bearer tokens with. */
export const e2eSigningKey = 'e2e-only-signing-key-not-a-secret-0123456789';

/** The Slack app signing secret the e2e tests' Slack (the sandbox) signs clicks with. */
export const e2eSlackSigningSecret = 'e2e-only-slack-signing-secret-not-a-secret';

/** App settings that point the function app at the sandbox (DESIGN §6–7). */
export function appSettingsFor(sandbox: Sandbox, configPath: string): Record<string, string> {
  const hook = (name: string) => `${sandbox.hooksUrl}/${name}`;
  return {
    SLOTPILOT_CONFIG: configPath,
    SLOTPILOT_LOCAL_MODE: 'true',
    SLOTPILOT_SIGNING_KEY: e2eSigningKey,
    SLOTPILOT_ARM_ENDPOINT: sandbox.armEndpoint,
    SLOTPILOT_LOGS_ENDPOINT: sandbox.logsEndpoint,
    SLOTPILOT_CA_CERT: sandbox.caCertPath,
    SLOTPILOT_HOST_MAP: JSON.stringify(sandbox.hostMap),
    SLOTPILOT_REGISTRY_ENDPOINTS: JSON.stringify(sandbox.registryEndpoints),
    SLOTPILOT_AUDIT_CONNECTION: sandbox.blobConnectionString,
    SLACK_WEBHOOK: `${sandbox.slackUrl}/releases`,
    SLACK_SIGNING_SECRET: e2eSlackSigningSecret,
    SLACK_WEBHOOK_CRITICAL: `${sandbox.slackUrl}/critical`,
    AZ_SUB: sandbox.subscriptionId,
    BACKUP_HOOK: hook('db-backup'),
    MIGRATE_HOOK: hook('migrate'),
    RESTORE_HOOK: hook('restore'),
    E2E_HOOK: hook('e2e'),
    LOAD_HOOK: hook('load-test'),
    SCAN_HOOK: hook('security'),
    APPINSIGHTS_RESOURCE_ID: `/subscriptions/${sandbox.subscriptionId}/resourceGroups/pwbi-prod/providers/Microsoft.Insights/components/pwbi-api-prod`,
  };
}
