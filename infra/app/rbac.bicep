// Role assignments for the app's user-assigned identity and, when given, the deploying user
// (so `func start` on a developer machine can reach the same resources with their own sign-in).
param storageAccountName string
param appInsightsName string
param serviceBusNamespaceName string
param touchpointsQueueName string
param managedIdentityPrincipalId string // Principal ID for the Managed Identity
param userIdentityPrincipalId string = '' // Principal ID for the User Identity
@allowed(['User', 'ServicePrincipal'])
param userIdentityPrincipalType string = 'User'
param allowUserIdentityPrincipal bool = false // Flag to enable user identity role assignments
param enableBlob bool = true
param enableQueue bool = false
param enableTable bool = false

// Define Role Definition IDs internally
var storageRoleDefinitionId = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b' // Storage Blob Data Owner role
var queueRoleDefinitionId = '974c5e8b-45b9-4653-ba55-5f855dd0fb88' // Storage Queue Data Contributor role
var tableRoleDefinitionId = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3' // Storage Table Data Contributor role
var monitoringRoleDefinitionId = '3913510d-42f4-4e42-8a64-420c390055eb' // Monitoring Metrics Publisher role
var serviceBusReceiverRoleDefinitionId = '4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0' // Azure Service Bus Data Receiver role
var serviceBusSenderRoleDefinitionId = '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39' // Azure Service Bus Data Sender role
var serviceBusOwnerRoleDefinitionId = '090c5cfd-751d-490a-894a-3ce6f1109419' // Azure Service Bus Data Owner role

var storageRoleDefinitionIds = concat(
  enableBlob ? [storageRoleDefinitionId] : [],
  enableQueue ? [queueRoleDefinitionId] : [],
  enableTable ? [tableRoleDefinitionId] : []
)
var serviceBusRoleDefinitionIds = [serviceBusReceiverRoleDefinitionId, serviceBusSenderRoleDefinitionId]

var includeUser = allowUserIdentityPrincipal && !empty(userIdentityPrincipalId)
var principals = concat(
  [{ id: managedIdentityPrincipalId, type: 'ServicePrincipal' }], // Managed Identity is a Service Principal
  includeUser ? [{ id: userIdentityPrincipalId, type: userIdentityPrincipalType }] : []
)

// Every (principal, role) pair for one scope, flattened so one resource loop covers it.
var storageAssignments = flatten(map(principals, p => map(storageRoleDefinitionIds, r => { principal: p, roleDefinitionId: r })))
var serviceBusAssignments = flatten(map(principals, p => map(serviceBusRoleDefinitionIds, r => { principal: p, roleDefinitionId: r })))

resource storageAccount 'Microsoft.Storage/storageAccounts@2022-09-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

resource serviceBusNamespace 'Microsoft.ServiceBus/namespaces@2024-01-01' existing = {
  name: serviceBusNamespaceName

  resource touchpoints 'queues' existing = {
    name: touchpointsQueueName
  }
}

// Storage: blob (host, deployment package, Durable leases), queue (Durable control and work-item
// queues), table (Durable history and instances, the journey tables).
resource storageRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for a in storageAssignments: {
  name: guid(storageAccount.id, a.principal.id, a.roleDefinitionId)
  scope: storageAccount
  properties: {
    roleDefinitionId: resourceId('Microsoft.Authorization/roleDefinitions', a.roleDefinitionId)
    principalId: a.principal.id
    principalType: a.principal.type
  }
}]

// Application Insights with local authentication off: telemetry is sent with an Entra ID token.
resource appInsightsRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for p in principals: {
  name: guid(applicationInsights.id, p.id, monitoringRoleDefinitionId)
  scope: applicationInsights
  properties: {
    roleDefinitionId: resourceId('Microsoft.Authorization/roleDefinitions', monitoringRoleDefinitionId)
    principalId: p.id
    principalType: p.type
  }
}]

// Service Bus: receive touchpoints, send actions (and, for a developer, send test touchpoints and
// read a channel's actions).
resource serviceBusRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for a in serviceBusAssignments: {
  name: guid(serviceBusNamespace.id, a.principal.id, a.roleDefinitionId)
  scope: serviceBusNamespace
  properties: {
    roleDefinitionId: resourceId('Microsoft.Authorization/roleDefinitions', a.roleDefinitionId)
    principalId: a.principal.id
    principalType: a.principal.type
  }
}]

// The Functions documentation lists Data Owner beside Data Receiver for a Service Bus trigger with an
// identity-based connection: scaling reads the entity's message counts, a management operation.
// Scoped to the one queue the trigger reads rather than the namespace.
resource touchpointsOwnerRoleAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(serviceBusNamespace::touchpoints.id, managedIdentityPrincipalId, serviceBusOwnerRoleDefinitionId)
  scope: serviceBusNamespace::touchpoints
  properties: {
    roleDefinitionId: resourceId('Microsoft.Authorization/roleDefinitions', serviceBusOwnerRoleDefinitionId)
    principalId: managedIdentityPrincipalId
    principalType: 'ServicePrincipal'
  }
}
