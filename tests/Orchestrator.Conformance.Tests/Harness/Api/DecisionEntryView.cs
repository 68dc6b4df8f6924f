namespace Orchestrator.Conformance.Tests.Harness.Api;

/// <summary>An engine decision tagged with its instance: an entry of <c>historyEvents</c> or of a timeline entry's <c>decisions</c>.</summary>
public sealed record DecisionEntryView(string InstanceId, string JourneyId, DecisionView Decision);
