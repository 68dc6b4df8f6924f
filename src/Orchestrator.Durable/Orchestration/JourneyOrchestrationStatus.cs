namespace Orchestrator.Durable.Orchestration;

/// <summary>The custom status of a journey orchestration: where it is and what it waits for.</summary>
/// <param name="Step">The current step.</param>
/// <param name="Waiting">What the step waits for (<c>event</c>, <c>delay</c>, <c>none</c>), or <c>deferred</c> once completed with actions still deferred.</param>
/// <param name="AwaitedEvents">Event types the instance reacts to now (at most <see cref="JourneyOrchestration.MaxStatusEvents"/>).</param>
/// <param name="WakeUpAt">When its timer fires, if it has one.</param>
/// <param name="DeferredDueAt">When its earliest deferred action is due, if any.</param>
/// <param name="Generation">How many times it continued as new.</param>
/// <param name="LastTouchpoint">The id of the touchpoint it took last, applied or dropped as one it had applied; null before any.</param>
public sealed record JourneyOrchestrationStatus(
    string? Step,
    string Waiting,
    IReadOnlyList<string> AwaitedEvents,
    DateTimeOffset? WakeUpAt,
    DateTimeOffset? DeferredDueAt,
    int Generation,
    string? LastTouchpoint);
