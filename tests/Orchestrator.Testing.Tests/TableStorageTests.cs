using Azure;
using Azure.Data.Tables;

namespace Orchestrator.Testing.Tests;

/// <summary>The Table Storage behaviour the storage layer relies on, as Azurite provides it.</summary>
public sealed class TableStorageTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task AddEntity_ThenGetEntity_ReturnsTheStoredValues()
    {
        var table = await NewTableAsync();
        var stored = new TableEntity("customer-1", "profile") { ["Name"] = "Ada", ["Visits"] = 3 };

        await table.AddEntityAsync(stored);
        var read = (await table.GetEntityAsync<TableEntity>("customer-1", "profile")).Value;

        Assert.Equal("Ada", read.GetString("Name"));
        Assert.Equal(3, read.GetInt32("Visits"));
        Assert.NotEqual(default, read.ETag);
    }

    [Fact]
    public async Task AddEntity_WhenTheKeyExists_Fails409()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("customer-1", "profile"));

        var failure = await Assert.ThrowsAsync<RequestFailedException>(
            () => table.AddEntityAsync(new TableEntity("customer-1", "profile")));

        Assert.Equal(409, failure.Status);
    }

    [Fact]
    public async Task UpdateEntity_WithAStaleETag_Fails412()
    {
        var table = await NewTableAsync();
        var added = await table.AddEntityAsync(new TableEntity("customer-1", "profile") { ["Visits"] = 1 });
        var staleETag = added.Headers.ETag!.Value;
        await table.UpdateEntityAsync(new TableEntity("customer-1", "profile") { ["Visits"] = 2 }, staleETag, TableUpdateMode.Replace);

        var failure = await Assert.ThrowsAsync<RequestFailedException>(
            () => table.UpdateEntityAsync(new TableEntity("customer-1", "profile") { ["Visits"] = 3 }, staleETag, TableUpdateMode.Replace));

        Assert.Equal(412, failure.Status);
        var kept = (await table.GetEntityAsync<TableEntity>("customer-1", "profile")).Value;
        Assert.Equal(2, kept.GetInt32("Visits"));
    }

    [Fact]
    public async Task SubmitTransaction_ThreeActions_AppliesAll()
    {
        var table = await NewTableAsync();
        var existing = (await table.AddEntityAsync(new TableEntity("customer-1", "timer-old"))).Headers.ETag!.Value;
        TableTransactionAction[] actions =
        [
            new(TableTransactionActionType.Add, new TableEntity("customer-1", "instance") { ["Step"] = "notify" }),
            new(TableTransactionActionType.UpsertReplace, new TableEntity("customer-1", "timer-new") { ["Due"] = "P1D" }),
            new(TableTransactionActionType.Delete, new TableEntity("customer-1", "timer-old"), existing),
        ];

        var responses = await table.SubmitTransactionAsync(actions);

        Assert.Equal(3, responses.Value.Count);
        var rows = await RowKeysAsync(table, "customer-1");
        Assert.Equal(["instance", "timer-new"], rows);
    }

    [Fact]
    public async Task SubmitTransaction_WhenOneActionFails_AppliesNone()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("customer-1", "instance"));
        TableTransactionAction[] actions =
        [
            new(TableTransactionActionType.Add, new TableEntity("customer-1", "timer")),
            new(TableTransactionActionType.Add, new TableEntity("customer-1", "instance")),
        ];

        var failure = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(actions));

        Assert.Equal(409, failure.Status);
        Assert.Equal(1, failure.FailedTransactionActionIndex);
        Assert.Equal(["instance"], await RowKeysAsync(table, "customer-1"));
    }

    private async Task<TableClient> NewTableAsync()
    {
        var table = new TableClient(azurite.ConnectionString, "t" + Guid.NewGuid().ToString("N"));
        await table.CreateIfNotExistsAsync();
        return table;
    }

    private static async Task<List<string>> RowKeysAsync(TableClient table, string partitionKey)
    {
        var rows = new List<string>();
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == partitionKey))
        {
            rows.Add(entity.RowKey);
        }

        return rows;
    }
}
