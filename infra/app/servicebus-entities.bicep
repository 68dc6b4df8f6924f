// The Service Bus entities of the product, in an existing namespace.
//
// - `touchpoints`: channel apps send CloudEvents here; SessionId is the customer, so one customer's
//   touchpoints are handled in order by one receiver at a time.
// - `actions`: the orchestrator publishes next-best actions with the application property `channel`;
//   each channel app reads its own subscription, whose filter lets only its channel through.
//
// Both entities have duplicate detection on: a message whose MessageId was accepted within the window is
// acknowledged to its sender and dropped. It needs the Standard or Premium tier (Basic has no topics and no
// duplicate detection), and it can only be chosen when an entity is created: on an existing queue or topic the
// service rejects the change, so turning it on there means deleting and recreating the entity (docs/azure.md).
// The windows can be changed at any time.
param serviceBusNamespaceName string
param touchpointsQueueName string = 'touchpoints'
param actionsTopicName string = 'actions'
param channels array = ['email', 'sms', 'mobile', 'web', 'ivr', 'contact-center']

@description('Deliveries before a message goes to the dead-letter queue.')
param maxDeliveryCount int = 10

// Actions are sent with MessageId = the action's idempotency key. The window must be longer than the longest
// time between the first send of an action and its re-send after a host crash: an action whose send was not
// confirmed stays in the customer's outbox, and outbox recovery sends it again when a host starts. After a
// crash the Durable messages of the interrupted work become visible again within 5 minutes (the control and
// work-item queue visibility timeouts' default) and bring up a host, so the re-send follows within minutes.
// One hour covers that with a wide margin. A re-send after a longer outage still reaches the subscriptions,
// which is why channel apps keep deduplicating by idempotencyKey.
@description('Duplicate detection window of the actions topic (ISO 8601, 20 seconds to 7 days).')
param actionsDuplicateDetectionWindow string = 'PT1H'

// Touchpoints are sent with MessageId = the CloudEvent id. The window covers a channel app re-sending after an
// unanswered send: the .NET client's default policy gives up after 4 tries of at most 60 s each, about 4
// minutes. A later repeat is recognised by the product itself: a touchpoint id is recorded once per customer
// and never applied twice.
@description('Duplicate detection window of the touchpoints queue (ISO 8601, 20 seconds to 7 days).')
param touchpointsDuplicateDetectionWindow string = 'PT10M'

resource namespace 'Microsoft.ServiceBus/namespaces@2024-01-01' existing = {
  name: serviceBusNamespaceName
}

resource touchpoints 'Microsoft.ServiceBus/namespaces/queues@2024-01-01' = {
  parent: namespace
  name: touchpointsQueueName
  properties: {
    requiresSession: true
    requiresDuplicateDetection: true
    duplicateDetectionHistoryTimeWindow: touchpointsDuplicateDetectionWindow
    deadLetteringOnMessageExpiration: true
    maxDeliveryCount: maxDeliveryCount
    lockDuration: 'PT1M'
  }
}

resource actions 'Microsoft.ServiceBus/namespaces/topics@2024-01-01' = {
  parent: namespace
  name: actionsTopicName
  properties: {
    requiresDuplicateDetection: true
    duplicateDetectionHistoryTimeWindow: actionsDuplicateDetectionWindow
  }
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
