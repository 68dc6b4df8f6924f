namespace Orchestrator.Conformance.Tests.Harness.Api;

/// <summary>One entry of <c>GET /api/customers/{id}/journeys</c>.</summary>
public sealed record CustomerJourneyView(string InstanceId, string Journey, int Version, string RuntimeStatus, string? CurrentStep, string? Outcome);
