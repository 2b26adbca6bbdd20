// Lets Slotpilot's identity resolve Key Vault references in its app settings: Key Vault
// Secrets User on one vault (RBAC permission model), in the vault's resource group.

targetScope = 'resourceGroup'

@description('Name of the Key Vault (in this resource group).')
param vaultName string

@description('Object id of the Slotpilot function app identity.')
param principalId string

var secretsUser = '4633458b-17de-408a-b874-0445c86b69e6' // Key Vault Secrets User

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: vaultName
}

resource secretsAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, principalId, secretsUser)
  scope: vault
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUser)
  }
}
