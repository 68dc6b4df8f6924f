namespace Orchestrator.Conformance.Tests.Harness.Api;

/// <summary>One entry of <c>GET /api/customers/{id}/timeline</c>.</summary>
public sealed record TimelineEntryView(
    long Sequence,
    DateTimeOffset At,
    string Kind,
    TouchpointView? Touchpoint,
    IReadOnlyList<DecisionEntryView>? Decisions,
    IReadOnlyList<ActionView>? Actions);
