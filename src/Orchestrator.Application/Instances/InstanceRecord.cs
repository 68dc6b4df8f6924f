using Orchestrator.Application.Rules;
using Orchestrator.Journeys;
using Orchestrator.Journeys.Engine;

namespace Orchestrator.Application.Instances;

/// <summary>A stored journey instance: the engine state plus what the runtime adds.</summary>
/// <param name="State">The engine state.</param>
/// <param name="RuntimeStatus">Durable-style status.</param>
/// <param name="ETag">Concurrency token of the stored copy; null for an instance not stored yet.</param>
public sealed record InstanceRecord(JourneyState State, InstanceRuntimeStatus RuntimeStatus, string? ETag)
{
    /// <summary>The instance id.</summary>
    public string InstanceId => State.InstanceId;

    /// <summary>Most touchpoints a suspended instance keeps for its resume; later ones go to the poison store.</summary>
    public const int MaxBuffered = 100;

    /// <summary>
    /// Touchpoints routed to the instance and not applied yet, oldest first. In the standalone runtime those that
    /// reached it while suspended, applied in order when it resumes; in the Durable runtime those raised to its
    /// orchestration, kept until it reports them applied so that a raised event the runtime loses is raised again.
    /// At most <see cref="MaxBuffered"/>.
    /// </summary>
    public IReadOnlyList<Touchpoint> Buffered { get; init; } = [];

    /// <summary>Most deferred actions an instance keeps; a further deferral is skipped and recorded.</summary>
    public const int MaxDeferred = 20;

    /// <summary>
    /// Actions the send-time rules deferred (quiet hours), earliest first, released by the instance's
    /// wake-up when due. At most <see cref="MaxDeferred"/>.
    /// </summary>
    public IReadOnlyList<DeferredAction> Deferred { get; init; } = [];

    /// <summary>Whether the instance still takes touchpoints and timers; a pending one (accepted, its runtime not started yet) does.</summary>
    public bool IsActive => IsActiveStatus(RuntimeStatus);

    /// <summary>Whether an instance in this status still takes touchpoints and timers, for stores that filter before reading.</summary>
    /// <param name="status">The status.</param>
    /// <returns>True for pending, running and suspended.</returns>
    public static bool IsActiveStatus(InstanceRuntimeStatus status) =>
        status is InstanceRuntimeStatus.Pending or InstanceRuntimeStatus.Running or InstanceRuntimeStatus.Suspended;

    /// <summary>Maps an engine status to the Durable vocabulary.</summary>
    /// <param name="state">Engine state.</param>
    /// <returns>Running or Completed.</returns>
    public static InstanceRuntimeStatus StatusOf(JourneyState state) =>
        state.Status == JourneyStatus.Completed ? InstanceRuntimeStatus.Completed : InstanceRuntimeStatus.Running;
}
