// The Event Grid subscription that delivers ACR ImagePushed events to Slotpilot's
// onImagePushed function, deployed next to the system topic (the registry's resource group).
// Undeliverable events go to a blob container in Slotpilot's storage, written with the
// topic's identity (the account allows no shared keys).

targetScope = 'resourceGroup'

@description('Name of the registry\'s Event Grid system topic (in this resource group).')
param systemTopicName string

@description('Resource id of the onImagePushed function (…/sites/{app}/functions/onImagePushed).')
param functionResourceId string

@description('Resource id of the storage account that keeps dead letters.')
param deadLetterStorageId string

@description('Blob container for dead letters in that account.')
param deadLetterContainer string

resource topic 'Microsoft.EventGrid/systemTopics@2025-02-15' existing = {
  name: systemTopicName
}

resource pushed 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = {
  parent: topic
  name: 'slotpilot-image-pushed'
  properties: {
    destination: {
      endpointType: 'AzureFunction'
      properties: { resourceId: functionResourceId }
    }
    filter: { includedEventTypes: ['Microsoft.ContainerRegistry.ImagePushed'] }
    eventDeliverySchema: 'EventGridSchema'
    retryPolicy: { maxDeliveryAttempts: 30, eventTimeToLiveInMinutes: 1440 }
    deadLetterWithResourceIdentity: {
      identity: { type: 'SystemAssigned' }
      deadLetterDestination: {
        endpointType: 'StorageBlob'
        properties: {
          resourceId: deadLetterStorageId
          blobContainerName: deadLetterContainer
        }
      }
    }
  }
}

output subscriptionName string = pushed.name
