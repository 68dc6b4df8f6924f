namespace Orchestrator.Application.Processing;

/// <summary>What routing needs to know of an active instance, whichever driver keeps it.</summary>
/// <param name="InstanceId">The instance.</param>
/// <param name="JourneyId">Its journey.</param>
/// <param name="Version">Its version.</param>
/// <param name="AwaitedEvents">Event types it reacts to now (step events, goal, exit).</param>
/// <param name="Suspended">Whether an operator suspended it.</param>
public sealed record InstanceView(string InstanceId, string JourneyId, int Version, IReadOnlyCollection<string> AwaitedEvents, bool Suspended);
