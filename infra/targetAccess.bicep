// What Slotpilot may do in one target resource group (any subscription): deploy and swap App
// Service slots, and read metrics, Application Insights and Log Analytics for post-swap
// monitoring.

targetScope = 'resourceGroup'

@description('Object id of the Slotpilot function app identity.')
param principalId string

var roles = [
  'de139f84-1756-47ae-9be6-808fbbe84772' // Website Contributor
  '43d0d8ad-25c7-4714-9337-8ba259a9fe05' // Monitoring Reader
  '73c42c96-874c-492b-b04d-ab87d138a893' // Log Analytics Reader
]

resource access 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in roles: {
    name: guid(resourceGroup().id, principalId, role)
    properties: {
      principalId: principalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
    }
  }
]
