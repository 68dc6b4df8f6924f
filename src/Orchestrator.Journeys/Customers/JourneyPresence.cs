namespace Orchestrator.Journeys.Customers;

/// <summary>A journey the customer is in now, and where.</summary>
/// <param name="JourneyId">The journey.</param>
/// <param name="InstanceId">The instance.</param>
/// <param name="Step">Its current step, if any.</param>
public sealed record JourneyPresence(string JourneyId, string InstanceId, string? Step);
