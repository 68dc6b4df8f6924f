namespace Orchestrator.Journeys.Engine;

/// <summary>An event type a running instance would react to now, so a host can route without knowing the language.</summary>
/// <param name="Event">Touchpoint type.</param>
/// <param name="Purpose">Why it matters.</param>
/// <param name="Filter">The condition it must also satisfy, in readable form, if any.</param>
/// <param name="Next">For a step event, the step it leads to.</param>
public sealed record AwaitedEvent(string Event, AwaitPurpose Purpose, string? Filter = null, string? Next = null);
