using Orchestrator.Application.Customers;
using Orchestrator.Application.Instances;
using Orchestrator.Application.Rules;
using Orchestrator.Application.Serialization;
using Orchestrator.Storage.Tests.Support;

namespace Orchestrator.Storage.Tests.Customers;

/// <summary>What the send-time rules keep: the customer's send history, deferred actions, withheld actions.</summary>
public abstract partial class CustomerStoreContract
{
    [Fact]
    public async Task CommitAsync_SendsDeferredAndWithheld_LoadReturnsThemUnchanged()
    {
        var customerId = Samples.NewId("customer");
        var action = Samples.Action(customerId, "key-1");
        IReadOnlyList<SentAction> sends =
        [
            new(Samples.T0, "email", "abandoned-cart", "marketing", 10),
            new(Samples.T0.AddHours(1), "sms", "bill-payment", null, 100),
        ];
        var first = Samples.FirstCommit(customerId, "instance-1", "tp-1");
        var instance = first.Instances[0] with { Deferred = [new DeferredAction(action, Samples.T0.AddHours(10), "quiet hours on sms in UTC")] };
        var entry = first.Entry with
        {
            Withheld =
            [
                new WithheldAction("instance-1", "abandoned-cart", "key-1", "sms", "send-reminder", SendVerdictKind.Deferred, "quiet hours on sms in UTC", Samples.T0.AddHours(10)),
                new WithheldAction("instance-1", "abandoned-cart", "key-2", "email", "send-offer", SendVerdictKind.Capped, "cap reached"),
            ],
        };

        await Store.CommitAsync(first with { Customer = first.Customer with { Sends = sends }, Instances = [instance], Entry = entry }, None);
        var snapshot = await Store.LoadAsync(customerId, null, None);

        Assert.Equal(sends, snapshot.Customer.Sends);
        var loaded = Assert.Single(snapshot.ActiveInstances).Deferred;
        Json.Equal([.. instance.Deferred], [.. loaded], ApplicationJsonContext.Default.ListDeferredAction);
        Json.Equal(entry, Assert.Single(await Store.ReadTimelineAsync(customerId, None)));
        Assert.Equal(entry.Withheld, Assert.Single(await Store.ReadTimelineAsync(customerId, None)).Withheld);
    }

    [Fact]
    public async Task CommitAsync_SendsAndDeferredEmptied_LoadReturnsNone()
    {
        var customerId = Samples.NewId("customer");
        var first = Samples.FirstCommit(customerId, "instance-1", "tp-1");
        var deferred = first.Instances[0] with { Deferred = [new DeferredAction(Samples.Action(customerId, "key-1"), Samples.T0.AddHours(10), null)] };
        await Store.CommitAsync(first with { Customer = first.Customer with { Sends = [new(Samples.T0, "email", "abandoned-cart", "marketing", 10)] }, Instances = [deferred] }, None);
        var read = await Store.LoadAsync(customerId, null, None);

        await Store.CommitAsync(
            new CustomerCommit(read.Customer with { Sequence = 2, Sends = [] }, [read.ActiveInstances[0] with { Deferred = [] }], Samples.Entry(customerId, 2), null, []),
            None);
        var snapshot = await Store.LoadAsync(customerId, null, None);

        Assert.Empty(snapshot.Customer.Sends);
        Assert.Empty(Assert.Single(snapshot.ActiveInstances).Deferred);
        Assert.Equal(InstanceRuntimeStatus.Running, snapshot.ActiveInstances[0].RuntimeStatus);
    }
}
