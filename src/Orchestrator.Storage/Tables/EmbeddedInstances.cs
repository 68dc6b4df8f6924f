using Orchestrator.Application.Customers;
using Orchestrator.Application.Instances;
using Orchestrator.Application.Ports;

namespace Orchestrator.Storage.Tables;

/// <summary>How a commit changes the active instances the customer row carries; shared with the in-memory store's size checks.</summary>
internal static class EmbeddedInstances
{
    /// <summary>
    /// The active set as read, overlaid with the commit's instances. A changed instance whose revision is not the
    /// one read lost a race: the customer row's ETag makes the set read the set stored.
    /// </summary>
    /// <param name="commit">The commit.</param>
    /// <returns>The customer's active instances after the commit, with their revisions.</returns>
    /// <exception cref="ConcurrencyConflictException">An instance's revision is not the one read.</exception>
    public static List<EmbeddedInstance> After(CustomerCommit commit)
    {
        var read = commit.Customer.ActiveInstances.ToDictionary(i => i.InstanceId, StringComparer.Ordinal);
        var after = commit.Customer.ActiveInstances.Select(i => EmbeddedInstance.Of(i, RevisionOf(i.ETag))).ToList();
        foreach (var instance in commit.Instances)
        {
            var index = after.FindIndex(e => e.State.InstanceId == instance.InstanceId);
            if (EmbeddedInstance.IsRevision(instance.ETag)
                && (!read.TryGetValue(instance.InstanceId, out var asRead) || !string.Equals(asRead.ETag, instance.ETag, StringComparison.Ordinal)))
            {
                throw new ConcurrencyConflictException(
                    $"Concurrent change for customer '{commit.Customer.CustomerId}': instance '{instance.InstanceId}' changed since it was read. Reload and retry.");
            }

            var revision = index < 0 ? 1 : after[index].Revision + 1;
            if (index >= 0)
            {
                after.RemoveAt(index);
            }

            if (instance.IsActive)
            {
                after.Add(EmbeddedInstance.Of(instance, revision));
            }
        }

        return after;
    }

    /// <summary>
    /// Whether a commit writes the instance's own <c>instance|</c> row. While active, the customer row's embedded copy
    /// is authoritative and guarded by the customer row's ETag, so an advance of an instance read with the customer
    /// leaves its row alone. The row is written when the instance starts (an insert, so a second start of the same
    /// deterministic id is a conflict), when it leaves the active set (the row then becomes the only copy), when it
    /// moves to another version (so the row's <c>Version</c> stays true), and when it was not read with the customer
    /// (its row's own ETag then guards it).
    /// </summary>
    /// <param name="commit">The commit.</param>
    /// <param name="instance">One of its instances.</param>
    /// <returns>True when the row is written.</returns>
    public static bool WritesOwnRow(CustomerCommit commit, InstanceRecord instance) =>
        !instance.IsActive
        || commit.Customer.ActiveInstances.FirstOrDefault(i => string.Equals(i.InstanceId, instance.InstanceId, StringComparison.Ordinal)) is not { } asRead
        || !string.Equals(asRead.ETag, instance.ETag, StringComparison.Ordinal)
        || asRead.State.Version != instance.State.Version;

    /// <summary>The revision an ETag names; 0 for an instance row's own ETag or none.</summary>
    /// <param name="eTag">The ETag.</param>
    /// <returns>The revision.</returns>
    public static long RevisionOf(string? eTag) =>
        EmbeddedInstance.IsRevision(eTag) ? long.Parse(eTag.AsSpan(4), System.Globalization.CultureInfo.InvariantCulture) : 0;
}
