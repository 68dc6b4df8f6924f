using Orchestrator.Application.Instances;
using Orchestrator.Application.Rules;
using Orchestrator.Journeys;
using Orchestrator.Journeys.Engine;

namespace Orchestrator.Storage.Tables;

/// <summary>
/// An active instance as the customer row carries it, so that loading a customer is one point read. While the
/// instance is active this copy is the authoritative one: its own row is written when it starts, moves to another
/// version and leaves the active set, not on every advance (see <see cref="EmbeddedInstances.WritesOwnRow"/>).
/// </summary>
/// <param name="State">The engine state.</param>
/// <param name="RuntimeStatus">Running or Suspended.</param>
/// <param name="Revision">Counts the instance's writes; its concurrency token while embedded.</param>
/// <param name="Buffered">Touchpoints kept while suspended, if any.</param>
/// <param name="Deferred">Actions deferred by quiet hours, if any.</param>
internal sealed record EmbeddedInstance(
    JourneyState State,
    InstanceRuntimeStatus RuntimeStatus,
    long Revision,
    List<Touchpoint>? Buffered,
    List<DeferredAction>? Deferred)
{
    private const string RevisionPrefix = "rev:";

    /// <summary>The record the application sees, its ETag naming the revision.</summary>
    /// <returns>The instance.</returns>
    public InstanceRecord ToRecord() => new(State, RuntimeStatus, ETagOf(Revision))
    {
        Buffered = Buffered ?? [],
        Deferred = Deferred ?? [],
    };

    /// <summary>Embeds an instance at a revision.</summary>
    /// <param name="instance">The instance.</param>
    /// <param name="revision">Its revision.</param>
    /// <returns>The embedded form.</returns>
    public static EmbeddedInstance Of(InstanceRecord instance, long revision) => new(
        instance.State,
        instance.RuntimeStatus,
        revision,
        instance.Buffered.Count == 0 ? null : [.. instance.Buffered],
        instance.Deferred.Count == 0 ? null : [.. instance.Deferred]);

    /// <summary>The ETag of an embedded revision.</summary>
    /// <param name="revision">The revision.</param>
    /// <returns>The ETag.</returns>
    public static string ETagOf(long revision) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{RevisionPrefix}{revision}");

    /// <summary>Whether an ETag names an embedded revision (rather than an instance row's own ETag).</summary>
    /// <param name="eTag">The ETag.</param>
    /// <returns>True for a revision.</returns>
    public static bool IsRevision(string? eTag) => eTag is not null && eTag.StartsWith(RevisionPrefix, StringComparison.Ordinal);
}
