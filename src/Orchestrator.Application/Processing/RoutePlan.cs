namespace Orchestrator.Application.Processing;

/// <summary>Where one touchpoint goes: instances to deliver it to, instances to start, and why others were not.</summary>
/// <param name="DeliverTo">Active instances that await the touchpoint's type, oldest first.</param>
/// <param name="Starts">New instances to start.</param>
/// <param name="Notes">Why matching journeys were not entered, for the timeline.</param>
public sealed record RoutePlan(IReadOnlyList<InstanceView> DeliverTo, IReadOnlyList<PlannedStart> Starts, IReadOnlyList<string> Notes)
{
    /// <summary>
    /// Journeys whose entry event the touchpoint was and that it did not enter, with the reason for the analytics:
    /// <c>filter</c>, <c>reentry</c>, <c>cooldown</c> or <c>suppressed</c>.
    /// </summary>
    public IReadOnlyList<RefusedEntry> Refused { get; init; } = [];
}
