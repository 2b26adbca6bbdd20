// Slotpilot itself on Azure: a Flex Consumption function app (Node 22) with a system-assigned
// identity, its storage (task hub, deployment package, audit trail, Event Grid dead letters),
// Application Insights for its own logs, App Service Authentication, the Event Grid
// subscription that turns ACR pushes into releases, the roles Slotpilot needs wherever its
// targets live, and platform metric alerts on the monitored production sites.
// Deploy: see infra/README.md (every parameter and output is listed there).

targetScope = 'resourceGroup'

@description('Short name used to derive resource names, e.g. slotpilot.')
@minLength(3)
@maxLength(16)
param name string = 'slotpilot'

@description('Azure region for Slotpilot\'s own resources (the Event Grid system topic follows the registry).')
param location string = resourceGroup().location

@description('Resource id of the Azure Container Registry whose pushes start releases (any subscription).')
@minLength(1)
param registryId string

@description('Grant the Slotpilot identity AcrPull on registryId, so releases can be started by tag (POST /api/releases resolves the tag in the registry). Turn off when the role is granted elsewhere.')
param registryTagLookup bool = true

@description('Name of the Event Grid system topic that already exists on the registry (a registry has at most one). Empty: Slotpilot creates one.')
param existingSystemTopicName string = ''

@description('Resource groups Slotpilot deploys into (dev, staging, production): a name in this subscription or a resource group id (/subscriptions/…/resourceGroups/…) in any subscription. Slotpilot gets Website Contributor, Monitoring Reader and Log Analytics Reader there.')
param targetResourceGroups array = []

@description('Resource ids of the Application Insights components (monitor.appInsights in slotpilot.yaml) and Log Analytics workspaces Slotpilot queries, in any subscription: Monitoring Reader on components, Log Analytics Reader on workspaces.')
param appInsightsResourceIds array = []

@description('Resource id of the Key Vault (RBAC permission model) holding the secrets that app settings reference as @Microsoft.KeyVault(…): Slotpilot gets Key Vault Secrets User on it. Empty: none.')
param keyVaultId string = ''

@description('Resource ids of the production sites Slotpilot monitors (the production stage targets of slotpilot.yaml): each gets platform metric alerts (5xx, response time, health check) whose action group calls POST /api/alerts.')
param monitoredSites array = []

@description('5xx responses within 5 minutes that fire the Http5xx alert of a monitored site.')
@minValue(1)
param alertHttp5xxCount int = 10

@description('Average response time (seconds) over 5 minutes that fires the HttpResponseTime alert of a monitored site.')
@minValue(1)
param alertResponseTimeSeconds int = 2

@description('The app\'s code has been deployed (its functions exist). Set false for the very first deployment: the Event Grid subscription (onImagePushed) and the alert action groups (alertPush key) need the functions.')
param appDeployed bool = true

@description('Client id of the Microsoft Entra app registration for App Service Authentication (approvals by signed-in users). Empty: platform authentication stays off and approvals use Slotpilot bearer tokens.')
param authClientId string = ''

@description('Signing key for CLI bearer tokens and sealed inputs (32+ random characters), or a Key Vault reference to it.')
@secure()
@minLength(32)
param signingKey string

@description('Extra app settings referenced by slotpilot.yaml as %NAME% (Slack webhooks, hook URLs, App Insights ids); MICROSOFT_PROVIDER_AUTHENTICATION_SECRET holds the Entra client secret. Values may be Key Vault references. Merged into the app\'s existing settings.')
@secure()
param pipelineSettings object = {}

var suffix = uniqueString(resourceGroup().id, name)
var storageName = take(toLower('${replace(name, '-', '')}${suffix}'), 24)
var deploymentContainer = 'app-package'
var auditContainer = 'slotpilot-audit'
var deadLetterContainer = 'eventgrid-deadletter'
var authSecretSetting = 'MICROSOFT_PROVIDER_AUTHENTICATION_SECRET'
var registryParts = split(registryId, '/')
var registryScope = resourceGroup(registryParts[2], registryParts[4])
var registryName = last(registryParts)

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' existing = {
  name: registryName
  scope: registryScope
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageName
  location: location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    supportsHttpsTrafficOnly: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource packageContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: deploymentContainer
}

resource auditContainerResource 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: auditContainer
}

// Pushes Event Grid could not deliver within its retry window land here instead of vanishing.
resource deadLetters 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: deadLetterContainer
}

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${name}-logs-${suffix}'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${name}-ai-${suffix}'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${name}-plan-${suffix}'
  location: location
  kind: 'functionapp'
  sku: { name: 'FC1', tier: 'FlexConsumption' }
  properties: { reserved: true }
}

// App settings are not part of the site: they live in config/appsettings below, merged with
// what is already there.
resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: '${name}-${suffix}'
  location: location
  kind: 'functionapp,linux'
  tags: { 'azd-service-name': 'slotpilot' }
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainer}'
          authentication: { type: 'SystemAssignedIdentity' }
        }
      }
      scaleAndConcurrency: { maximumInstanceCount: 40, instanceMemoryMB: 512 }
      runtime: { name: 'node', version: '22' }
    }
    siteConfig: {
      minTlsVersion: '1.2'
    }
  }
}

// Merge, not replace: settings added outside this template (portal, az CLI) survive a
// redeploy; the ones below win over them. A setting removed from pipelineSettings stays until
// it is deleted by hand (az functionapp config appsettings delete).
var managedSettings = {
  AzureWebJobsStorage__accountName: storage.name
  APPLICATIONINSIGHTS_CONNECTION_STRING: insights.properties.ConnectionString
  SLOTPILOT_CONFIG: 'slotpilot.yaml'
  SLOTPILOT_SIGNING_KEY: signingKey
  SLOTPILOT_AUDIT_CONTAINER: auditContainer
}

resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: functionApp
  name: 'appsettings'
  properties: union(
    list('${functionApp.id}/config/appsettings', '2024-04-01').properties,
    pipelineSettings,
    managedSettings
  )
}

// App Service Authentication with Entra ID. Unauthenticated requests reach the app, which
// authenticates every route itself (function keys, x-ms-client-principal, bearer tokens);
// the machine-called routes are excluded so the platform never stands in their way.
resource auth 'Microsoft.Web/sites/config@2024-04-01' = if (!empty(authClientId)) {
  parent: functionApp
  name: 'authsettingsV2'
  properties: {
    platform: { enabled: true }
    globalValidation: {
      requireAuthentication: false
      unauthenticatedClientAction: 'AllowAnonymous'
      excludedPaths: [
        '/runtime/webhooks/EventGrid'
        '/api/hooks/*'
        '/api/alerts'
        '/api/health'
        '/api/console'
        '/api/console/*'
      ]
    }
    httpSettings: { requireHttps: true }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: authClientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
          clientSecretSettingName: contains(pipelineSettings, authSecretSetting) ? authSecretSetting : null
        }
        validation: {
          allowedAudiences: [authClientId, 'api://${authClientId}']
        }
      }
    }
    login: { tokenStore: { enabled: true } }
  }
  dependsOn: [appSettings]
}

// The task hub (queues, tables, leases), host keys and the audit trail use the app's identity.
var storageRoles = [
  'b7e6dc6d-f1e8-4753-8033-0f276bb0955b' // Storage Blob Data Owner
  '974c5e8b-45b9-4653-ba55-5f855dd0fb88' // Storage Queue Data Contributor
  '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3' // Storage Table Data Contributor
]

resource storageAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in storageRoles: {
    name: guid(storage.id, functionApp.id, role)
    scope: storage
    properties: {
      principalId: functionApp.identity.principalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
    }
  }
]

// Target resource groups: a bare name means this subscription.
var targets = [
  for rg in targetResourceGroups: startsWith(rg, '/subscriptions/')
    ? { subscriptionId: split(rg, '/')[2], resourceGroup: split(rg, '/')[4] }
    : { subscriptionId: subscription().subscriptionId, resourceGroup: rg }
]

module targetAccess 'targetAccess.bicep' = [
  for (target, i) in targets: {
    name: 'slotpilot-target-${suffix}-${i}'
    scope: resourceGroup(target.subscriptionId, target.resourceGroup)
    params: { principalId: functionApp.identity.principalId }
  }
]

module insightsAccess 'insightsAccess.bicep' = [
  for (id, i) in appInsightsResourceIds: {
    name: 'slotpilot-insights-${suffix}-${i}'
    scope: resourceGroup(split(id, '/')[2], split(id, '/')[4])
    params: {
      resourceId: id
      principalId: functionApp.identity.principalId
    }
  }
]

module keyVaultAccess 'keyVaultAccess.bicep' = if (!empty(keyVaultId)) {
  name: 'slotpilot-keyvault-${suffix}'
  scope: resourceGroup(split(keyVaultId, '/')[2], split(keyVaultId, '/')[4])
  params: {
    vaultName: last(split(keyVaultId, '/'))
    principalId: functionApp.identity.principalId
  }
}

// Tag lookups for releases started by tag: AcrPull on the registry, in its own subscription
// and resource group.
module registryAccess 'registryAccess.bicep' = if (registryTagLookup) {
  name: 'slotpilot-registry-access-${suffix}'
  scope: registryScope
  params: {
    registryName: registryName
    principalId: functionApp.identity.principalId
  }
}

// ACR pushes → onImagePushed. The system topic lives with the registry (its subscription,
// resource group and region), and there is at most one per registry.
module registryEvents 'registryEvents.bicep' = {
  name: 'slotpilot-registry-events-${suffix}'
  scope: registryScope
  params: {
    registryName: registryName
    registryLocation: registry.location
    existingSystemTopicName: existingSystemTopicName
    newSystemTopicName: '${registryName}-events'
  }
}

// The topic's identity writes undeliverable events into the dead-letter container only.
var blobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe' // Storage Blob Data Contributor
resource deadLetterAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(deadLetters.id, registryId, blobDataContributor)
  scope: deadLetters
  properties: {
    principalId: registryEvents.outputs.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', blobDataContributor)
  }
}

module pushSubscription 'pushSubscription.bicep' = if (appDeployed) {
  name: 'slotpilot-push-subscription-${suffix}'
  scope: registryScope
  params: {
    systemTopicName: registryEvents.outputs.systemTopicName
    functionResourceId: '${functionApp.id}/functions/onImagePushed'
    deadLetterStorageId: storage.id
    deadLetterContainer: deadLetterContainer
  }
  dependsOn: [deadLetterAccess]
}

// Platform metrics (about a minute behind) → action group → POST /api/alerts with the
// alertPush function's own key. Slotpilot acts on an alert only while it monitors a release of
// that site.
resource alertFunction 'Microsoft.Web/sites/functions@2024-04-01' existing = {
  parent: functionApp
  name: 'alertPush'
}

module siteAlerts 'siteAlerts.bicep' = [
  for (siteId, i) in (appDeployed ? monitoredSites : []): {
    name: 'slotpilot-alerts-${suffix}-${i}'
    scope: resourceGroup(split(siteId, '/')[2], split(siteId, '/')[4])
    params: {
      siteName: last(split(siteId, '/'))
      alertsUrl: 'https://${functionApp.properties.defaultHostName}/api/alerts?code=${alertFunction.listKeys().default}'
      http5xxCount: alertHttp5xxCount
      responseTimeSeconds: alertResponseTimeSeconds
    }
  }
]

output functionAppName string = functionApp.name
output functionAppUrl string = 'https://${functionApp.properties.defaultHostName}'
output principalId string = functionApp.identity.principalId
output storageAccountName string = storage.name
output systemTopicName string = registryEvents.outputs.systemTopicName
output deadLetterContainer string = deadLetterContainer
