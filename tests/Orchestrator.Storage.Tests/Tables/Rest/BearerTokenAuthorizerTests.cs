using System.Net;
using Azure.Core;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Orchestrator.Storage.Diagnostics;
using Orchestrator.Storage.Tables.Rest;

namespace Orchestrator.Storage.Tests.Tables.Rest;

/// <summary>With a managed identity the lean transport sends the identity's storage token, fetched once while fresh.</summary>
public sealed class BearerTokenAuthorizerTests : IDisposable
{
    private static readonly StorageRequestKind Read = new("table.read", "customers");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero));
    private readonly Mock<TokenCredential> _credential = new();
    private readonly RecordingHandler _handler = new();
    private int _issued;

    public BearerTokenAuthorizerTests()
    {
        _credential
            .Setup(c => c.GetTokenAsync(It.Is<TokenRequestContext>(r => r.Scopes.SequenceEqual(new[] { "https://storage.azure.com/.default" })), It.IsAny<CancellationToken>()))
            .Returns(() => ValueTask.FromResult(new AccessToken($"token-{++_issued}", _time.GetUtcNow().AddHours(1))));
    }

    public void Dispose() => _handler.Dispose();

    [Fact]
    public async Task SendAsync_TwoRequests_CarryOneTokenFetchedOnce()
    {
        var connection = Connection();

        await SendAsync(connection);
        await SendAsync(connection);

        Assert.Equal(["Bearer token-1", "Bearer token-1"], _handler.Authorizations);
        _credential.Verify(c => c.GetTokenAsync(It.IsAny<TokenRequestContext>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task SendAsync_TokenWithinFiveMinutesOfExpiry_FetchesANewOne()
    {
        var connection = Connection();
        await SendAsync(connection);

        _time.Advance(TimeSpan.FromMinutes(54));
        await SendAsync(connection);
        _time.Advance(TimeSpan.FromMinutes(1));
        await SendAsync(connection);

        Assert.Equal(["Bearer token-1", "Bearer token-1", "Bearer token-2"], _handler.Authorizations);
    }

    [Fact]
    public async Task SendAsync_WithAToken_SendsNoSharedKeyDate()
    {
        await SendAsync(Connection());

        Assert.Equal(["2020-12-06"], _handler.Versions);
        Assert.Empty(_handler.Dates);
    }

    private TableHttpConnection Connection() =>
        new(new HttpClient(_handler), new BearerTokenAuthorizer(_credential.Object, _time), _time);

    private static async Task SendAsync(TableHttpConnection connection)
    {
        using var response = await connection.SendAsync(
            () => new HttpRequestMessage(HttpMethod.Get, "https://account.table.core.windows.net/customers(PartitionKey='c',RowKey='customer')"),
            Read,
            CancellationToken.None);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private sealed class RecordingHandler : HttpMessageHandler
    {
        public List<string> Authorizations { get; } = [];

        public List<string> Versions { get; } = [];

        public List<string> Dates { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Authorizations.AddRange(request.Headers.GetValues("Authorization"));
            Versions.AddRange(request.Headers.GetValues("x-ms-version"));
            if (request.Headers.TryGetValues("x-ms-date", out var dates))
            {
                Dates.AddRange(dates);
            }

            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound));
        }
    }
}
