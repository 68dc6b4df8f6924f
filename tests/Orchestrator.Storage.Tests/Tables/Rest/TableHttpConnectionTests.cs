using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Time.Testing;
using Orchestrator.Storage.Diagnostics;
using Orchestrator.Storage.Tables.Rest;
using Orchestrator.Testing;

namespace Orchestrator.Storage.Tests.Tables.Rest;

/// <summary>The lean transport retries what the SDK retries, and nothing else.</summary>
public sealed class TableHttpConnectionTests : IDisposable
{
    private static readonly StorageRequestKind Batch = new("table.batch", "$batch");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero));
    private readonly ScriptedHandler _handler = new();

    public void Dispose() => _handler.Dispose();

    [Fact]
    public async Task SendAsync_ServiceUnavailableTwice_RetriesUntilItAnswers()
    {
        _handler.Answers.Enqueue(HttpStatusCode.ServiceUnavailable);
        _handler.Answers.Enqueue(HttpStatusCode.InternalServerError);
        _handler.Answers.Enqueue(HttpStatusCode.Accepted);

        using var response = await SendWhileTimePassesAsync();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(3, _handler.Requests);
    }

    [Fact]
    public async Task SendAsync_AlwaysUnavailable_GivesUpAfterThreeRetries()
    {
        for (var i = 0; i < 10; i++)
        {
            _handler.Answers.Enqueue(HttpStatusCode.ServiceUnavailable);
        }

        using var response = await SendWhileTimePassesAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(4, _handler.Requests);
    }

    [Theory]
    [InlineData(HttpStatusCode.Conflict)]
    [InlineData(HttpStatusCode.PreconditionFailed)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.Forbidden)]
    public async Task SendAsync_AnswerThatIsNotTransient_IsReturnedAtOnce(HttpStatusCode status)
    {
        _handler.Answers.Enqueue(status);

        using var response = await SendWhileTimePassesAsync();

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(1, _handler.Requests);
    }

    // The back-off waits on the fake clock: move it on until the call completes, within a real deadline.
    private async Task<HttpResponseMessage> SendWhileTimePassesAsync()
    {
        var connection = new TableHttpConnection(
            new HttpClient(_handler),
            new SharedKeyLiteAuthorizer(AzuriteInstance.AccountName, AzuriteInstance.AccountKey, _time),
            _time);
        var send = connection.SendAsync(() => new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1:10002/devstoreaccount1/$batch"), Batch, CancellationToken.None);
        var deadline = Stopwatch.StartNew();
        while (!send.IsCompleted && deadline.Elapsed < TimeSpan.FromSeconds(20))
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.Yield();
        }

        Assert.True(send.IsCompleted, "The call did not complete within 20 s of moving the clock on.");
        return await send;
    }

    private sealed class ScriptedHandler : HttpMessageHandler
    {
        private int _requests;

        public Queue<HttpStatusCode> Answers { get; } = new();

        public int Requests => Volatile.Read(ref _requests);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            lock (Answers)
            {
                return Task.FromResult(new HttpResponseMessage(Answers.Dequeue()));
            }
        }
    }
}
