namespace Orchestrator.Application.Processing;

/// <summary>What routing needs to know of an active instance, whichever driver keeps it.</summary>
/// <param name="InstanceId">The instance.</param>
/// <param name="JourneyId">Its journey.</param>
/// <param name="Version">Its version.</param>
/// <param name="AwaitedEvents">Event types it reacts to now (step events, goal, exit).</param>
/// <param name="Suspended">Whether an operator suspended it.</param>
public sealed record InstanceView(string InstanceId, string JourneyId, int Version, IReadOnlyCollection<string> AwaitedEvents, bool Suspended)
{
    /// <summary>How the router sees a stored instance: the event types it reacts to now, and whether it is suspended.</summary>
    /// <param name="record">The instance.</param>
    /// <returns>The view.</returns>
    public static InstanceView Of(Instances.InstanceRecord record) => new(
        record.InstanceId,
        record.State.JourneyId,
        record.State.Version,
        record.State.Awaiting.Select(a => a.Event).ToHashSet(StringComparer.Ordinal),
        record.RuntimeStatus == Instances.InstanceRuntimeStatus.Suspended);
}
