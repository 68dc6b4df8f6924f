// The Service Bus entities of the product, in an existing namespace.
//
// - `touchpoints`: channel apps send CloudEvents here; SessionId is the customer, so one customer's
//   touchpoints are handled in order by one receiver at a time.
// - `actions`: the orchestrator publishes next-best actions with the application property `channel`;
//   each channel app reads its own subscription, whose filter lets only its channel through.
param serviceBusNamespaceName string
param touchpointsQueueName string = 'touchpoints'
param actionsTopicName string = 'actions'
param channels array = ['email', 'sms', 'mobile', 'web', 'ivr', 'contact-center']

@description('Deliveries before a message goes to the dead-letter queue.')
param maxDeliveryCount int = 10

resource namespace 'Microsoft.ServiceBus/namespaces@2024-01-01' existing = {
  name: serviceBusNamespaceName
}

resource touchpoints 'Microsoft.ServiceBus/namespaces/queues@2024-01-01' = {
  parent: namespace
  name: touchpointsQueueName
  properties: {
    requiresSession: true
    deadLetteringOnMessageExpiration: true
    maxDeliveryCount: maxDeliveryCount
    lockDuration: 'PT1M'
  }
}

resource actions 'Microsoft.ServiceBus/namespaces/topics@2024-01-01' = {
  parent: namespace
  name: actionsTopicName
  properties: {}
}

resource subscriptions 'Microsoft.ServiceBus/namespaces/topics/subscriptions@2024-01-01' = [for channel in channels: {
  parent: actions
  name: channel
  properties: {
    deadLetteringOnMessageExpiration: true
    deadLetteringOnFilterEvaluationExceptions: true
    maxDeliveryCount: maxDeliveryCount
    lockDuration: 'PT1M'
  }
}]

// A new subscription gets a `$Default` rule that lets every message through. Declaring the rule
// under that same name replaces it, so each subscription holds exactly one filter: its channel.
resource channelFilters 'Microsoft.ServiceBus/namespaces/topics/subscriptions/rules@2024-01-01' = [for (channel, i) in channels: {
  parent: subscriptions[i]
  name: '$Default'
  properties: {
    filterType: 'CorrelationFilter'
    correlationFilter: {
      properties: {
        channel: channel
      }
    }
  }
}]

output touchpointsQueueName string = touchpoints.name
output actionsTopicName string = actions.name
output subscriptionNames array = [for (channel, i) in channels: subscriptions[i].name]
