using Orchestrator.Application.Customers;
using Orchestrator.Application.Instances;
using Orchestrator.Application.Serialization;
using Orchestrator.Journeys.Serialization;
using Orchestrator.Storage.Tables;

namespace Orchestrator.Storage.Memory;

/// <summary>A commit's documents serialized up front, outside the store's lock, with the Table store's size limits.</summary>
/// <param name="Entries">The customer's entry history.</param>
/// <param name="States">Instance states, in commit order.</param>
/// <param name="Buffers">Instances' buffered touchpoints, in commit order; null where none are buffered.</param>
/// <param name="Entry">The timeline entry.</param>
/// <param name="Outbox">Actions, in commit order.</param>
internal sealed record InMemoryCommitDocuments(byte[] Entries, IReadOnlyList<byte[]> States, IReadOnlyList<byte[]?> Buffers, byte[] Entry, IReadOnlyList<byte[]> Outbox)
{
    /// <summary>The customer's send history; null when empty.</summary>
    public byte[]? Sends { get; init; }

    /// <summary>The customer's profile; null when empty.</summary>
    public byte[]? Profile { get; init; }

    /// <summary>Instances' deferred actions, in commit order; null where none are deferred.</summary>
    public IReadOnlyList<byte[]?> Deferred { get; init; } = [];

    /// <summary>The active instances as the Table store's customer row would carry them; null when none.</summary>
    public byte[]? Active { get; init; }

    /// <summary>The analytics record; null when none.</summary>
    public byte[]? Analytics { get; init; }

    /// <summary>A group commit's earlier timeline entries, in commit order.</summary>
    public IReadOnlyList<byte[]> EarlierEntries { get; init; } = [];

    /// <summary>Whether the Table store writes each instance's own row in this commit, in commit order.</summary>
    public IReadOnlyList<bool> OwnRows { get; init; } = [];

    /// <summary>Bytes of JSON in all the documents the Table store's transaction would carry, as it counts them.</summary>
    public long JsonBytes => (Analytics?.Length ?? 0) + Entries.Length + (Sends?.Length ?? 0) + (Profile?.Length ?? 0) + (Active?.Length ?? 0)
        + States.Select((state, i) => OwnRows[i] ? state.Length + (long)(Buffers[i]?.Length ?? 0) + (Deferred[i]?.Length ?? 0) : 0).Sum()
        + Entry.Length + EarlierEntries.Sum(e => (long)e.Length) + Outbox.Sum(a => (long)a.Length);

    /// <summary>Serializes a commit's documents.</summary>
    /// <param name="commit">The commit.</param>
    /// <returns>The documents.</returns>
    public static InMemoryCommitDocuments Of(CustomerCommit commit)
    {
        var customer = commit.Customer;
        var entries = customer.Entries as Dictionary<string, JourneyEntryHistory> ?? new Dictionary<string, JourneyEntryHistory>(customer.Entries);
        var states = commit.Instances.Select(i => StorageJson.Serialize(i.State, JourneyJsonContext.Default.JourneyState, $"Instance '{i.InstanceId}'")).ToArray();
        var buffers = commit.Instances.Select((instance, index) => Buffer(instance, states[index].Length)).ToArray();
        var entriesJson = StorageJson.Serialize(entries, ApplicationJsonContext.Default.DictionaryStringJourneyEntryHistory, $"Customer '{customer.CustomerId}'");
        var sends = customer.Sends.Count == 0
            ? null
            : StorageJson.Serialize(CustomerRows.SendsList(customer), ApplicationJsonContext.Default.ListSentAction, $"Customer '{customer.CustomerId}' sends");
        var profile = customer.Profile.IsEmpty ? null : CustomerRows.ProfileJson(customer);
        return new(
            entriesJson,
            states,
            buffers,
            StorageJson.Serialize(commit.Entry, ApplicationJsonContext.Default.TimelineEntry, $"Timeline entry {commit.Entry.Sequence}"),
            [.. commit.Outbox.Select(a => StorageJson.Serialize(a, ApplicationJsonContext.Default.ActionMessage, $"Action '{a.IdempotencyKey}'"))])
        {
            Sends = sends,
            Profile = profile,
            Deferred = [.. commit.Instances.Select(i => i.Deferred.Count == 0
                ? null
                : StorageJson.Serialize(CustomerRows.DeferredList(i), ApplicationJsonContext.Default.ListDeferredAction, $"Instance '{i.InstanceId}' deferred actions"))],
            OwnRows = [.. commit.Instances.Select(i => EmbeddedInstances.WritesOwnRow(commit, i))],
            Active = ActiveInCustomerRow(commit, entriesJson.Length + (sends?.Length ?? 0) + (profile?.Length ?? 0)),
            EarlierEntries = [.. commit.EarlierEntries.Select(e => StorageJson.Serialize(e, ApplicationJsonContext.Default.TimelineEntry, $"Timeline entry {e.Sequence}"))],
            Analytics = commit.Analytics is { } analytics
                ? StorageJson.Serialize(analytics, ApplicationJsonContext.Default.AnalyticsRecord, $"Analytics record {analytics.Sequence}")
                : null,
        };
    }

    // The Table store carries the active instances in the customer row, so they share its one entity with the
    // entry history and sends: the same limit applies here.
    private static byte[]? ActiveInCustomerRow(CustomerCommit commit, long rowBytes)
    {
        var active = EmbeddedInstances.After(commit);
        if (active.Count == 0)
        {
            return null;
        }

        var customerId = commit.Customer.CustomerId;
        var json = StorageJson.Serialize(active, TableStorageJsonContext.Default.ListEmbeddedInstance, $"Customer '{customerId}' active instances");
        StorageJson.CheckEntity(rowBytes + json.Length, $"Customer '{customerId}' with its active instances");
        return json;
    }

    // The same rule as the Table store: state and buffer share one entity.
    private static byte[]? Buffer(InstanceRecord instance, int stateBytes)
    {
        if (instance.Buffered.Count == 0)
        {
            return null;
        }

        var json = StorageJson.Serialize(CustomerRows.BufferedList(instance), ApplicationJsonContext.Default.ListTouchpoint, $"Instance '{instance.InstanceId}' buffer");
        StorageJson.CheckEntity(stateBytes + json.Length, $"Instance '{instance.InstanceId}' with its buffered touchpoints");
        return json;
    }
}
