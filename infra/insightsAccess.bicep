// Read access to one Application Insights component or Log Analytics workspace that
// slotpilot.yaml monitors (monitor.appInsights), wherever it lives: Monitoring Reader on a
// component (resource-centric log queries), Log Analytics Reader on a workspace (workspace
// queries).

targetScope = 'resourceGroup'

@description('Resource id of the component (Microsoft.Insights/components) or workspace (Microsoft.OperationalInsights/workspaces), in this resource group.')
param resourceId string

@description('Object id of the Slotpilot function app identity.')
param principalId string

var monitoringReader = '43d0d8ad-25c7-4714-9337-8ba259a9fe05'
var logAnalyticsReader = '73c42c96-874c-492b-b04d-ab87d138a893'
var resourceName = last(split(resourceId, '/'))
var isWorkspace = contains(toLower(resourceId), '/providers/microsoft.operationalinsights/workspaces/')

resource component 'Microsoft.Insights/components@2020-02-02' existing = if (!isWorkspace) {
  name: resourceName
}

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' existing = if (isWorkspace) {
  name: resourceName
}

resource componentReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!isWorkspace) {
  name: guid(resourceId, principalId, monitoringReader)
  scope: component
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringReader)
  }
}

resource workspaceReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (isWorkspace) {
  name: guid(resourceId, principalId, logAnalyticsReader)
  scope: workspace
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', logAnalyticsReader)
  }
}
