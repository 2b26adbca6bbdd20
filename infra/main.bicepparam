// Parameters for `azd provision` / `azd up`, read from the azd environment
// (`azd env set NAME VALUE`); arrays and objects are JSON. infra/README.md lists them.
using './main.bicep'

param registryId = readEnvironmentVariable('SLOTPILOT_REGISTRY_ID')
param existingSystemTopicName = readEnvironmentVariable('SLOTPILOT_EXISTING_SYSTEM_TOPIC', '')
param targetResourceGroups = json(readEnvironmentVariable('SLOTPILOT_TARGET_RESOURCE_GROUPS', '[]'))
param appInsightsResourceIds = json(readEnvironmentVariable('SLOTPILOT_APP_INSIGHTS_IDS', '[]'))
param keyVaultId = readEnvironmentVariable('SLOTPILOT_KEY_VAULT_ID', '')
param monitoredSites = json(readEnvironmentVariable('SLOTPILOT_MONITORED_SITES', '[]'))
param authClientId = readEnvironmentVariable('SLOTPILOT_AUTH_CLIENT_ID', '')
param appDeployed = bool(readEnvironmentVariable('SLOTPILOT_APP_DEPLOYED', 'false'))
param signingKey = readEnvironmentVariable('SLOTPILOT_SIGNING_KEY')
param pipelineSettings = json(readEnvironmentVariable('SLOTPILOT_PIPELINE_SETTINGS', '{}'))
