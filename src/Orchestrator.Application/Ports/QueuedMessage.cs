namespace Orchestrator.Application.Ports;

/// <summary>A message received from a queue, with what is needed to delete it.</summary>
/// <param name="MessageId">Queue message id.</param>
/// <param name="Receipt">Receipt for deleting this delivery.</param>
/// <param name="Body">Message text.</param>
/// <param name="DequeueCount">Deliveries so far, this one included.</param>
public sealed record QueuedMessage(string MessageId, string Receipt, string Body, long DequeueCount);
