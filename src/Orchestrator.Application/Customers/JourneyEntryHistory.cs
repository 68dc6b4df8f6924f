namespace Orchestrator.Application.Customers;

/// <summary>How often a customer entered one journey, enough to apply re-entry and cooldown rules.</summary>
/// <param name="Count">Instances ever started.</param>
/// <param name="Active">Instances still active.</param>
/// <param name="LastStartedAt">When the latest one started.</param>
public sealed record JourneyEntryHistory(int Count, int Active, DateTimeOffset LastStartedAt);
