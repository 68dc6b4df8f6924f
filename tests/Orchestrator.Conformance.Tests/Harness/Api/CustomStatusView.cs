namespace Orchestrator.Conformance.Tests.Harness.Api;

/// <summary>An instance's <c>customStatus</c>: where it is and what it waits for.</summary>
public sealed record CustomStatusView(string Journey, int Version, string CustomerId, string? Step, string? Waiting, DateTimeOffset? WakeUpAt);
