using System.Diagnostics.Metrics;
using Orchestrator.Storage.Diagnostics;
using Orchestrator.Storage.Tests.Support;
using Orchestrator.Testing;

namespace Orchestrator.Storage.Tests.Diagnostics;

/// <summary>The stores' clients count every request they send, in the snapshot and on the meter.</summary>
[Collection(AzuriteTablesCollection.Name)]
public sealed class StorageRequestCounterTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task TableStorage_PointReadAndQueueSend_CountedByKindInSnapshotAndMeter()
    {
        var storage = new AzuriteStorage(azurite);
        await storage.CreateAsync();
        var measured = new List<(long Value, string? Operation, string? Resource)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == StorageRequestCounter.MeterName && instrument.Name == StorageRequestCounter.CounterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            string? operation = null, resource = null;
            foreach (var tag in tags)
            {
                operation = tag.Key == "operation" ? tag.Value as string : operation;
                resource = tag.Key == "resource" ? tag.Value as string : resource;
            }

            lock (measured)
            {
                measured.Add((value, operation, resource));
            }
        });
        listener.Start();

        var identities = storage.Options.Prefixed(storage.Options.IdentitiesTable);
        var actions = storage.Options.Prefixed(storage.Options.ActionsQueue);
        var read = new StorageRequestKind("table.read", identities);
        var send = new StorageRequestKind("queue.send", actions);
        var before = StorageRequestCounter.Snapshot();

        await storage.Account.IdentityStore().ResolveAsync("nobody", CancellationToken.None);
        await storage.Account.ActionSink().SendAsync(Samples.Action("customer", "key-1"), CancellationToken.None);

        var after = StorageRequestCounter.Snapshot();
        Assert.Equal(1, after.GetValueOrDefault(read) - before.GetValueOrDefault(read));
        Assert.Equal(1, after.GetValueOrDefault(send) - before.GetValueOrDefault(send));
        lock (measured)
        {
            Assert.Contains(measured, m => m is { Value: 1, Operation: "table.read" } && m.Resource == identities);
            Assert.Contains(measured, m => m is { Value: 1, Operation: "queue.send" } && m.Resource == actions);
        }
    }
}
