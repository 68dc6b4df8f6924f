// Journey Orchestrator on Azure Functions (Flex Consumption), deployed with `azd up`.
// Layout and module versions follow the Azure-Samples azd Functions templates
// (functions-quickstart-dotnet-azd, its Service Bus and Durable Functions siblings).
// Every connection is identity-based: no key, connection string or SAS anywhere.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the the environment which is used to generate a short unique hash used in all resources.')
param environmentName string

@minLength(1)
@description('Primary location for all resources & Flex Consumption Function App')
@allowed(['australiaeast', 'centralindia', 'centralus', 'eastasia', 'eastus', 'eastus2', 'francecentral', 'germanywestcentral', 'northcentralus', 'northeurope', 'southcentralus', 'southeastasia', 'swedencentral', 'uksouth', 'westcentralus', 'westeurope', 'westus2', 'eastus2euap'])
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

param orchestratorServiceName string = ''
param orchestratorUserAssignedIdentityName string = ''
param applicationInsightsName string = ''
param appServicePlanName string = ''
param logAnalyticsName string = ''
param resourceGroupName string = ''
param storageAccountName string = ''
param serviceBusNamespaceName string = ''

// Basic is not offered: it has no topics, no sessions and no duplicate detection, all of which the product uses.
@description('Service Bus tier. Standard has sessions, topics, filters and duplicate detection, which is all the product needs; Premium adds isolation, zone redundancy and private endpoints.')
@allowed(['Standard', 'Premium'])
param serviceBusSkuName string = 'Standard'

@description('Duplicate detection window of the actions topic (ISO 8601). Longer than the time from an action\'s first send to its re-send by outbox recovery after a host crash; see app/servicebus-entities.bicep.')
param actionsDuplicateDetectionWindow string = 'PT1H'

@description('Duplicate detection window of the touchpoints queue (ISO 8601). Covers a channel app re-sending an unanswered send with the same MessageId.')
param touchpointsDuplicateDetectionWindow string = 'PT10M'

@description('Durable Functions task hub (the app setting TaskHubName). One per deployment slot or environment sharing a storage account.')
param taskHubName string = 'journeys'

@description('Memory of each Flex Consumption instance, in MB.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('Most Flex Consumption instances the app scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Id of the user identity to be used for testing and debugging. This is not required in production. Leave empty if not needed.')
param principalId string = ''

@description('Type of the principal referenced by principalId')
@allowed(['User', 'ServicePrincipal'])
param principalType string = 'User'

var abbrs = loadJsonContent('./abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var functionAppName = !empty(orchestratorServiceName) ? orchestratorServiceName : '${abbrs.webSitesFunctions}orchestrator-${resourceToken}'
var deploymentStorageContainerName = 'app-package-${take(functionAppName, 32)}-${take(toLower(uniqueString(functionAppName, resourceToken)), 7)}'

// Service Bus entities. The names are part of the contract with channel apps (docs/azure.md).
var touchpointsQueueName = 'touchpoints'
var actionsTopicName = 'actions'
var channels = ['email', 'sms', 'mobile', 'web', 'ivr', 'contact-center']

// Organize resources in a resource group
resource rg 'Microsoft.Resources/resourceGroups@2021-04-01' = {
  name: !empty(resourceGroupName) ? resourceGroupName : '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

// User assigned managed identity to be used by the function app to reach storage, Service Bus and Application Insights
module orchestratorUserAssignedIdentity 'br/public:avm/res/managed-identity/user-assigned-identity:0.4.1' = {
  name: 'orchestratorUserAssignedIdentity'
  scope: rg
  params: {
    location: location
    tags: tags
    name: !empty(orchestratorUserAssignedIdentityName) ? orchestratorUserAssignedIdentityName : '${abbrs.managedIdentityUserAssignedIdentities}orchestrator-${resourceToken}'
  }
}

// Create an App Service Plan to group applications under the same payment plan and SKU
module appServicePlan 'br/public:avm/res/web/serverfarm:0.1.1' = {
  name: 'appserviceplan'
  scope: rg
  params: {
    name: !empty(appServicePlanName) ? appServicePlanName : '${abbrs.webServerFarms}${resourceToken}'
    sku: {
      name: 'FC1'
      tier: 'FlexConsumption'
    }
    reserved: true
    location: location
    tags: tags
  }
}

// Storage: the deployment package (blob), the Functions host and the Durable Functions task hub
// (blob leases, queues, history and instance tables), and the product's own journey tables.
module storage 'br/public:avm/res/storage/storage-account:0.8.3' = {
  name: 'storage'
  scope: rg
  params: {
    name: !empty(storageAccountName) ? storageAccountName : '${abbrs.storageStorageAccounts}${resourceToken}'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false // Disable local authentication methods as per policy
    dnsEndpointType: 'Standard'
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
    blobServices: {
      containers: [{name: deploymentStorageContainerName}]
    }
    skuName: 'Standard_LRS'
    minimumTlsVersion: 'TLS1_2'  // Enforcing TLS 1.2 for better security
    location: location
    tags: tags
  }
}

// Define the configuration object locally to pass to the modules
var storageEndpointConfig = {
  enableBlob: true  // Required for AzureWebJobsStorage, .zip deployment and Durable Functions leases
  enableQueue: true  // Required for Durable Functions (control and work-item queues)
  enableTable: true  // Required for Durable Functions (history and instances) and the journey tables
  allowUserIdentityPrincipal: true  // Allow interactive user identity to access for testing and debugging
}

// Service Bus: the touchpoints queue (sessions keyed by customer) and the actions topic.
// Local (SAS) authentication is off, so only Entra ID identities with a data role can connect.
module serviceBus 'br/public:avm/res/service-bus/namespace:0.9.0' = {
  name: 'serviceBus'
  scope: rg
  params: {
    name: !empty(serviceBusNamespaceName) ? serviceBusNamespaceName : '${abbrs.serviceBusNamespaces}${resourceToken}'
    location: location
    tags: tags
    skuObject: {
      name: serviceBusSkuName
    }
    // Zone redundancy is a Premium feature; the module turns it on by default.
    zoneRedundant: serviceBusSkuName == 'Premium'
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

// Queue, topic, per-channel subscriptions and their filters, as plain resources so the
// filter rules are declared exactly (see app/servicebus-entities.bicep).
module serviceBusEntities 'app/servicebus-entities.bicep' = {
  name: 'serviceBusEntities'
  scope: rg
  params: {
    serviceBusNamespaceName: serviceBus.outputs.name
    touchpointsQueueName: touchpointsQueueName
    actionsTopicName: actionsTopicName
    channels: channels
    actionsDuplicateDetectionWindow: actionsDuplicateDetectionWindow
    touchpointsDuplicateDetectionWindow: touchpointsDuplicateDetectionWindow
  }
}

// Monitor application with Azure Monitor - Log Analytics and Application Insights
module logAnalytics 'br/public:avm/res/operational-insights/workspace:0.11.1' = {
  name: '${uniqueString(deployment().name, location)}-loganalytics'
  scope: rg
  params: {
    name: !empty(logAnalyticsName) ? logAnalyticsName : '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    location: location
    tags: tags
    dataRetention: 30
  }
}

module monitoring 'br/public:avm/res/insights/component:0.6.0' = {
  name: '${uniqueString(deployment().name, location)}-appinsights'
  scope: rg
  params: {
    name: !empty(applicationInsightsName) ? applicationInsightsName : '${abbrs.insightsComponents}${resourceToken}'
    location: location
    tags: tags
    workspaceResourceId: logAnalytics.outputs.resourceId
    disableLocalAuth: true
  }
}

// Consolidated Role Assignments
module rbac 'app/rbac.bicep' = {
  name: 'rbacAssignments'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    appInsightsName: monitoring.outputs.name
    serviceBusNamespaceName: serviceBus.outputs.name
    touchpointsQueueName: serviceBusEntities.outputs.touchpointsQueueName
    managedIdentityPrincipalId: orchestratorUserAssignedIdentity.outputs.principalId
    userIdentityPrincipalId: principalId
    userIdentityPrincipalType: principalType
    enableBlob: storageEndpointConfig.enableBlob
    enableQueue: storageEndpointConfig.enableQueue
    enableTable: storageEndpointConfig.enableTable
    allowUserIdentityPrincipal: storageEndpointConfig.allowUserIdentityPrincipal
  }
}

module orchestrator './app/orchestrator.bicep' = {
  name: 'orchestrator'
  scope: rg
  params: {
    name: functionAppName
    location: location
    tags: tags
    applicationInsightsName: monitoring.outputs.name
    appServicePlanId: appServicePlan.outputs.resourceId
    runtimeName: 'dotnet-isolated'
    runtimeVersion: '10.0'
    storageAccountName: storage.outputs.name
    enableBlob: storageEndpointConfig.enableBlob
    enableQueue: storageEndpointConfig.enableQueue
    enableTable: storageEndpointConfig.enableTable
    deploymentStorageContainerName: deploymentStorageContainerName
    identityId: orchestratorUserAssignedIdentity.outputs.resourceId
    identityClientId: orchestratorUserAssignedIdentity.outputs.clientId
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    serviceBusNamespaceFQDN: '${serviceBus.outputs.name}.servicebus.windows.net'
    actionsTopicName: serviceBusEntities.outputs.actionsTopicName
    taskHubName: taskHubName
    appSettings: {
    }
  }
  // The host starts as soon as the site exists; let it find its roles in place.
  dependsOn: [
    rbac
  ]
}

// App outputs
output APPLICATIONINSIGHTS_CONNECTION_STRING string = orchestrator.outputs.APPLICATIONINSIGHTS_CONNECTION_STRING
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output SERVICE_ORCHESTRATOR_NAME string = orchestrator.outputs.SERVICE_ORCHESTRATOR_NAME
output AZURE_FUNCTION_NAME string = orchestrator.outputs.SERVICE_ORCHESTRATOR_NAME
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output SERVICE_BUS_NAMESPACE string = serviceBus.outputs.name
output SERVICE_BUS_FULLY_QUALIFIED_NAMESPACE string = '${serviceBus.outputs.name}.servicebus.windows.net'
output SERVICE_BUS_TOUCHPOINTS_QUEUE string = serviceBusEntities.outputs.touchpointsQueueName
output SERVICE_BUS_ACTIONS_TOPIC string = serviceBusEntities.outputs.actionsTopicName
output TASK_HUB_NAME string = taskHubName
