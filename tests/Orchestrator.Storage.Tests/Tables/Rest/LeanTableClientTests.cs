using Azure;
using Azure.Data.Tables;
using Orchestrator.Application.Ports;
using Orchestrator.Storage.Tables;
using Orchestrator.Storage.Tables.Rest;
using Orchestrator.Storage.Tests.Support;
using Orchestrator.Testing;

namespace Orchestrator.Storage.Tests.Tables.Rest;

/// <summary>The lean transport against a real Azurite, which checks the SharedKeyLite signature and the batch format.</summary>
[Collection(AzuriteTablesCollection.Name)]
public sealed class LeanTableClientTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly string _tableName = "lean" + Guid.NewGuid().ToString("N")[..12];
    private TableClient? _sdk;
    private LeanTableClient? _lean;

    private TableClient Sdk => _sdk ?? throw new InvalidOperationException("Not initialized.");

    private LeanTableClient Lean => _lean ?? throw new InvalidOperationException("Not initialized.");

    public async Task InitializeAsync()
    {
        _sdk = new TableClient(azurite.ConnectionString, _tableName);
        await _sdk.CreateIfNotExistsAsync();
        _lean = Client(AzuriteInstance.AccountKey);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task SubmitAsync_EveryPropertyType_ReadsBackAsTheSdkReadsIt()
    {
        var written = EveryType("p'1 %2F", "row");

        await Lean.SubmitAsync([new TableTransactionAction(TableTransactionActionType.Add, written)], None);

        var bySdk = (await Sdk.GetEntityAsync<TableEntity>(written.PartitionKey, written.RowKey)).Value;
        var byLean = await Lean.GetAsync(written.PartitionKey, written.RowKey, None);
        Assert.NotNull(byLean);
        AssertSameProperties(bySdk, byLean);
        AssertSameProperties(written, byLean);
        Assert.Equal(bySdk.ETag, byLean.ETag);
        Assert.Equal(bySdk.Timestamp, byLean.Timestamp);
    }

    [Fact]
    public async Task GetAsync_RowTheSdkWrote_ReadsEveryPropertyWithItsType()
    {
        var written = EveryType("sdk-written", "row");
        await Sdk.AddEntityAsync(written);

        var read = await Lean.GetAsync(written.PartitionKey, written.RowKey, None);

        Assert.NotNull(read);
        AssertSameProperties(written, read);
    }

    [Fact]
    public async Task GetAsync_MissingRow_ReturnsNull()
    {
        Assert.Null(await Lean.GetAsync("nobody", "customer", None));
    }

    [Fact]
    public async Task SubmitAsync_InsertOfAnExistingRow_FailsWithTheInsertsIndex()
    {
        await Sdk.AddEntityAsync(new TableEntity("p", "taken"));

        var failure = await Assert.ThrowsAsync<TableTransactionFailedException>(() => Lean.SubmitAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", "a")),
                new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity("p", "b")),
                new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", "taken")),
            ],
            None));

        Assert.Equal(409, failure.Status);
        Assert.Equal("EntityAlreadyExists", failure.ErrorCode);
        Assert.Equal(2, failure.FailedTransactionActionIndex);
        Assert.Null(await Lean.GetAsync("p", "a", None));
    }

    [Fact]
    public async Task GatewaySubmitAsync_StaleETag_IsAConflictNamingTheFailedWrite()
    {
        var gateway = new TableGateway(Sdk, Lean);
        await gateway.SubmitAsync([new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", "row") { ["N"] = 1 })], None);
        var read = await gateway.GetAsync("p", "row", None);
        await gateway.SubmitAsync([new TableTransactionAction(TableTransactionActionType.UpdateReplace, new TableEntity("p", "row") { ["N"] = 2 }, read!.ETag)], None);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => gateway.SubmitAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", "other")),
                new TableTransactionAction(TableTransactionActionType.UpdateReplace, new TableEntity("p", "row") { ["N"] = 3 }, read.ETag),
            ],
            None));

        Assert.Equal(1, conflict.FailedWrite);
        Assert.Equal(2, (await gateway.GetAsync("p", "row", None))!.GetInt32("N"));
    }

    [Fact]
    public async Task GatewaySubmitAsync_ConditionalUpdateOfAMissingRow_IsAConflict()
    {
        var gateway = new TableGateway(Sdk, Lean);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => gateway.SubmitAsync(
            [new TableTransactionAction(TableTransactionActionType.UpdateReplace, new TableEntity("p", "gone"), new ETag("W/\"datetime'2026-01-01T00%3A00%3A00.0000000Z'\""))],
            None));

        Assert.Equal(0, conflict.FailedWrite);
    }

    [Fact]
    public async Task GatewaySubmitAsync_UnconditionalDeleteOfAMissingRow_IsDroppedAndTheRestLands()
    {
        var gateway = new TableGateway(Sdk, Lean);
        await Sdk.AddEntityAsync(new TableEntity("p", "present"));

        await gateway.SubmitAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", "new")),
                new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity("p", "missing"), ETag.All),
                new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity("p", "present"), ETag.All),
            ],
            None);

        Assert.NotNull(await gateway.GetAsync("p", "new", None));
        Assert.Null(await gateway.GetAsync("p", "present", None));
    }

    [Fact]
    public async Task GetAsync_WrongAccountKey_IsRefusedByTheService()
    {
        // Azurite checks SharedKeyLite signatures: the same request signed with another key is a 403.
        var forged = Client(Convert.ToBase64String(new byte[64]));

        var failure = await Assert.ThrowsAsync<RequestFailedException>(() => forged.GetAsync("p", "row", None));

        Assert.Equal(403, failure.Status);
        Assert.Equal("AuthorizationFailure", failure.ErrorCode);
    }

    private LeanTableClient Client(string accountKey) => new(
        new TableHttpConnection(TableHttpConnection.SharedClient, new SharedKeyLiteAuthorizer(AzuriteInstance.AccountName, accountKey, TimeProvider.System), TimeProvider.System),
        new TableAddress(azurite.TableEndpoint, _tableName));

    private static TableEntity EveryType(string partitionKey, string rowKey) => new(partitionKey, rowKey)
    {
        ["Text"] = "it's \"quoted\" ✓",
        ["Empty"] = "",
        ["Int64"] = long.MaxValue,
        ["Int32"] = -7,
        ["Flag"] = true,
        ["When"] = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(1234567),
        ["Bytes"] = new byte[] { 0, 1, 2, 250, 251, 255 },
        ["NoBytes"] = Array.Empty<byte>(),
        ["Id"] = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"),
        ["Ratio"] = 0.1,
    };

    private static void AssertSameProperties(TableEntity expected, TableEntity actual)
    {
        static Dictionary<string, object> Data(TableEntity entity) => entity
            .Where(p => p.Key is not ("odata.etag" or "Timestamp"))
            .ToDictionary(p => p.Key, p => p.Value);
        var want = Data(expected);
        var got = Data(actual);
        Assert.Equal(want.Keys.Order(StringComparer.Ordinal), got.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, value) in want)
        {
            Assert.True(value.GetType() == got[name].GetType(), $"{name}: {value.GetType().Name} written, {got[name].GetType().Name} read");
            Assert.Equal(value, got[name]);
        }
    }
}
