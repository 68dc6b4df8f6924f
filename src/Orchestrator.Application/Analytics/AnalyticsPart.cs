namespace Orchestrator.Application.Analytics;

/// <summary>What one input adds to one journey version's analytics.</summary>
/// <param name="JourneyId">The journey.</param>
/// <param name="Version">The version.</param>
/// <param name="Counts">Counter name to amount (names in <c>docs/analytics.md</c>).</param>
public sealed record AnalyticsPart(string JourneyId, int Version, IReadOnlyDictionary<string, long> Counts);
