namespace Orchestrator.Application.Ports;

/// <summary>One dispatched action in the <see cref="IDispatchLog"/>.</summary>
/// <param name="Page">The log page it was written to (a partition: marks written together share one).</param>
/// <param name="CustomerId">The customer whose outbox holds the action.</param>
/// <param name="IdempotencyKey">The action; unique across customers, as it names the instance.</param>
public sealed record DispatchMark(string Page, string CustomerId, string IdempotencyKey);
