namespace Orchestrator.Reliability.Tests;

/// <summary>A touchpoint a channel app will send.</summary>
/// <param name="CustomerId">The subject.</param>
/// <param name="Id">The CloudEvent id.</param>
/// <param name="Type">The event type.</param>
/// <param name="CloudEvent">The CloudEvent JSON.</param>
public sealed record PlannedTouchpoint(string CustomerId, string Id, string Type, string CloudEvent);
