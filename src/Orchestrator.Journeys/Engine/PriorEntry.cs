namespace Orchestrator.Journeys.Engine;

/// <summary>An earlier instance of the same journey for the same customer, as entry rules need it.</summary>
/// <param name="StartedAt">When it started.</param>
/// <param name="Active">Whether it still runs.</param>
public readonly record struct PriorEntry(DateTimeOffset StartedAt, bool Active);
