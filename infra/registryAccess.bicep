// What Slotpilot may do in its container registry: read tags (POST /api/releases by tag
// resolves registry/repo:tag to a digest through the ACR data plane). Deployed into the
// registry's resource group by main.bicep.

targetScope = 'resourceGroup'

@description('Name of the container registry (in this resource group).')
param registryName string

@description('Object id of the Slotpilot function app identity.')
param principalId string

var acrPull = '7f951dda-4ed3-4680-a7ca-43fe172d538d' // AcrPull

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' existing = {
  name: registryName
}

resource pull 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(registry.id, principalId, acrPull)
  scope: registry
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', acrPull)
  }
}
