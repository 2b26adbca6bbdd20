// Slotpilot itself on Azure: a Flex Consumption function app with a system-assigned identity,
// its storage (task hub, deployment package, audit trail), Application Insights for its own
// logs, and the Event Grid subscription that turns ACR pushes into releases.
// Deploy: see infra/README.md.

targetScope = 'resourceGroup'

@description('Short name used to derive resource names, e.g. slotpilot.')
@minLength(3)
@maxLength(16)
param name string = 'slotpilot'

@description('Azure region for every resource.')
param location string = resourceGroup().location

@description('Resource id of the Azure Container Registry whose pushes start releases.')
param registryId string

@description('Grant the Slotpilot identity AcrPull on registryId, so releases can be started by tag (POST /api/releases resolves the tag in the registry). Turn off when the role is granted elsewhere.')
param registryTagLookup bool = true

@description('Resource groups Slotpilot deploys into (dev, staging, production); it gets Website Contributor and Monitoring Reader there.')
param targetResourceGroups array = []

@description('Signing key for CLI bearer tokens (32+ random characters). Store it in Key Vault in real use.')
@secure()
@minLength(32)
param signingKey string

@description('Extra app settings referenced by slotpilot.yaml as %NAME% (Slack webhooks, hook URLs, App Insights ids). Values may be Key Vault references.')
@secure()
param pipelineSettings object = {}

var suffix = uniqueString(resourceGroup().id, name)
var storageName = take(toLower('${replace(name, '-', '')}${suffix}'), 24)
var deploymentContainer = 'app-package'
var auditContainer = 'slotpilot-audit'
// Identity-based storage: no connection strings or keys anywhere.
var baseSettings = [
  { name: 'AzureWebJobsStorage__accountName', value: storageName }
  { name: 'SLOTPILOT_CONFIG', value: 'slotpilot.yaml' }
  { name: 'SLOTPILOT_SIGNING_KEY', value: signingKey }
  { name: 'SLOTPILOT_AUDIT_CONTAINER', value: auditContainer }
]
// Pipeline settings (%NAME% in slotpilot.yaml), e.g. SLACK_WEBHOOK, hook URLs.
var pipelineSettingList = [for item in items(pipelineSettings): { name: item.key, value: item.value }]

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

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: '${name}-${suffix}'
  location: location
  kind: 'functionapp,linux'
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
      runtime: { name: 'node', version: '20' }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      appSettings: concat(
        baseSettings,
        [{ name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }],
        pipelineSettingList
      )
    }
  }
}

// The task hub (queues, tables, leases) and the audit trail use the app's identity.
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

module targetAccess 'targetAccess.bicep' = [
  for rg in targetResourceGroups: {
    name: 'slotpilot-access-${rg}'
    scope: resourceGroup(rg)
    params: { principalId: functionApp.identity.principalId }
  }
]

// Tag lookups for releases started by tag: AcrPull on the registry, in the registry's own
// subscription and resource group (parsed from registryId).
var registryIdParts = split(registryId, '/')
module registryAccess 'registryAccess.bicep' = if (registryTagLookup) {
  name: 'slotpilot-registry-access'
  scope: resourceGroup(registryIdParts[2], registryIdParts[4])
  params: {
    registryName: last(registryIdParts)
    principalId: functionApp.identity.principalId
  }
}

// ACR pushes → onImagePushed (Event Grid delivers to the function directly; no keys needed).
resource registryTopic 'Microsoft.EventGrid/systemTopics@2024-06-01-preview' = {
  name: '${name}-acr-${suffix}'
  location: location
  properties: {
    source: registryId
    topicType: 'Microsoft.ContainerRegistry.Registries'
  }
}

resource pushSubscription 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2024-06-01-preview' = {
  parent: registryTopic
  name: 'slotpilot-image-pushed'
  properties: {
    destination: {
      endpointType: 'AzureFunction'
      properties: { resourceId: '${functionApp.id}/functions/onImagePushed' }
    }
    filter: { includedEventTypes: ['Microsoft.ContainerRegistry.ImagePushed'] }
    eventDeliverySchema: 'EventGridSchema'
    retryPolicy: { maxDeliveryAttempts: 10, eventTimeToLiveInMinutes: 1440 }
  }
}

output functionAppName string = functionApp.name
output functionAppUrl string = 'https://${functionApp.properties.defaultHostName}'
output principalId string = functionApp.identity.principalId
