namespace Orchestrator.Conformance.Tests.Harness.Api;

/// <summary>A completed instance's <c>output</c>.</summary>
public sealed record OutputView(string Outcome, string? Reason);
