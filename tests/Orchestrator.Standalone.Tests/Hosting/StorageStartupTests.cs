using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Application.Actions;
using Orchestrator.Application.Customers;
using Orchestrator.Application.Ports;
using Orchestrator.Standalone.Tests.Support;
using Orchestrator.Testing;

namespace Orchestrator.Standalone.Tests.Hosting;

[Collection(StorageCollection.Name)]
public sealed class StorageStartupTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Start_ActionLeftInOutbox_SendsItToActionsQueue()
    {
        string prefix;
        var action = new ActionMessage(
            "test-bill:cust-outbox:inv-outbox/notify/1", "email", "invoice-ready", null, "cust-outbox",
            "test-bill", 1, "test-bill:cust-outbox:inv-outbox", "notify", RuntimeHost.ClockStart);
        await using (var crashed = await RuntimeHost.StartAsync(azurite.ConnectionString))
        {
            // Committed with its outbox, as the processor does, but never dispatched: the process "died" here.
            var customers = crashed.Services.GetRequiredService<ICustomerStore>();
            var entry = new TimelineEntry(1, RuntimeHost.ClockStart, "touchpoint", null, [], [action], []);
            await customers.CommitAsync(
                new CustomerCommit(CustomerRecord.New("cust-outbox") with { Sequence = 1 }, [], entry, null, [action]),
                CancellationToken.None);
            prefix = crashed.Prefix;
        }

        await using var restarted = await RuntimeHost.StartAsync(azurite.ConnectionString, new RuntimeHostOptions { Prefix = prefix });

        var sent = Assert.Single(await ActionsQueue.DrainAsync(restarted.Queue("actions")));
        Assert.Equal(action.IdempotencyKey, sent.Text("idempotencyKey"));
        var outbox = restarted.Services.GetRequiredService<ICustomerStore>().ReadAllOutboxesAsync(CancellationToken.None);
        Assert.Empty(await outbox.ToListAsync());
    }

    [Fact]
    public async Task Start_EmptyAccount_CreatesEveryTableAndQueue()
    {
        await using var host = await RuntimeHost.StartAsync(azurite.ConnectionString);

        Assert.True((await host.Queue("actions").ExistsAsync()).Value);
        Assert.True((await host.Queue("touchpoints").ExistsAsync()).Value);
        var names = await new TableServiceClient(azurite.ConnectionString).QueryAsync()
            .Select(t => t.Name)
            .Where(name => name.StartsWith(host.Prefix, StringComparison.Ordinal))
            .ToListAsync();
        Assert.Equal(
            new[] { "analytics", "customers", "definitions", "dispatched", "identities", "instances", "migrations", "poison", "timers" }.Select(n => host.Prefix + n),
            names.Order(StringComparer.Ordinal));
    }
}
