// The Event Grid system topic of Slotpilot's container registry, deployed into the registry's
// resource group by main.bicep: a system topic lives with its source (same subscription,
// resource group and region) and a source has at most one, so an existing topic is reused.
// Its system-assigned identity writes dead letters (main.bicep grants the role).

targetScope = 'resourceGroup'

@description('Name of the container registry (in this resource group).')
param registryName string

@description('Name of the system topic the registry already has; empty to create one.')
param existingSystemTopicName string = ''

@description('Name for the system topic when one is created.')
param newSystemTopicName string

@description('Region of the registry: a system topic must be in its source\'s region.')
param registryLocation string

var reuse = !empty(existingSystemTopicName)

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' existing = {
  name: registryName
}

resource created 'Microsoft.EventGrid/systemTopics@2025-02-15' = if (!reuse) {
  name: newSystemTopicName
  location: registryLocation
  identity: { type: 'SystemAssigned' }
  properties: {
    source: registry.id
    topicType: 'Microsoft.ContainerRegistry.Registries'
  }
}

// A reused topic needs a system-assigned identity (infra/README.md says how to turn it on).
resource reused 'Microsoft.EventGrid/systemTopics@2025-02-15' existing = if (reuse) {
  name: existingSystemTopicName
}

output systemTopicName string = reuse ? reused!.name : created!.name
output principalId string = reuse ? reused!.identity.principalId : created!.identity.principalId
