using Orchestrator.Application.Customers;
using Orchestrator.Application.Serialization;
using Orchestrator.Journeys.Serialization;

namespace Orchestrator.Storage.Memory;

/// <summary>A commit's documents serialized up front, outside the store's lock, with the Table store's size limits.</summary>
/// <param name="Entries">The customer's entry history.</param>
/// <param name="States">Instance states, in commit order.</param>
/// <param name="Entry">The timeline entry.</param>
/// <param name="Outbox">Actions, in commit order.</param>
internal sealed record InMemoryCommitDocuments(byte[] Entries, IReadOnlyList<byte[]> States, byte[] Entry, IReadOnlyList<byte[]> Outbox)
{
    /// <summary>Bytes of JSON in all the documents, as the Table store counts them.</summary>
    public long JsonBytes => Entries.Length + States.Sum(s => (long)s.Length) + Entry.Length + Outbox.Sum(a => (long)a.Length);

    /// <summary>Serializes a commit's documents.</summary>
    /// <param name="commit">The commit.</param>
    /// <returns>The documents.</returns>
    public static InMemoryCommitDocuments Of(CustomerCommit commit)
    {
        var customer = commit.Customer;
        var entries = customer.Entries as Dictionary<string, JourneyEntryHistory> ?? new Dictionary<string, JourneyEntryHistory>(customer.Entries);
        return new(
            StorageJson.Serialize(entries, ApplicationJsonContext.Default.DictionaryStringJourneyEntryHistory, $"Customer '{customer.CustomerId}'"),
            [.. commit.Instances.Select(i => StorageJson.Serialize(i.State, JourneyJsonContext.Default.JourneyState, $"Instance '{i.InstanceId}'"))],
            StorageJson.Serialize(commit.Entry, ApplicationJsonContext.Default.TimelineEntry, $"Timeline entry {commit.Entry.Sequence}"),
            [.. commit.Outbox.Select(a => StorageJson.Serialize(a, ApplicationJsonContext.Default.ActionMessage, $"Action '{a.IdempotencyKey}'"))]);
    }
}
