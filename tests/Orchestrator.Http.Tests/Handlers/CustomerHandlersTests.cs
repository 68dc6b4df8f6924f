using Microsoft.AspNetCore.Http;
using Orchestrator.Application.Queries;
using Orchestrator.Http.Handlers;
using Orchestrator.Http.Tests.Support;

namespace Orchestrator.Http.Tests.Handlers;

public sealed class CustomerHandlersTests : IDisposable
{
    private readonly HandlerHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task ListJourneysAsync_UnknownCustomer_Answers200EmptyArray()
    {
        var request = _host.Request();

        var answer = await HandlerHost.ExecuteAsync(
            await CustomerHandlers.ListJourneysAsync("nobody", _host.Get<InstanceQueries>(), CancellationToken.None), request);

        Assert.Equal(StatusCodes.Status200OK, answer.Status);
        Assert.Empty(answer.Json.EnumerateArray());
    }

    [Fact]
    public async Task GetTimelineAsync_UnknownCustomer_Answers200EmptyArray()
    {
        var request = _host.Request();

        var answer = await HandlerHost.ExecuteAsync(
            await CustomerHandlers.GetTimelineAsync("nobody", _host.Get<InstanceQueries>(), CancellationToken.None), request);

        Assert.Equal(StatusCodes.Status200OK, answer.Status);
        Assert.Empty(answer.Json.EnumerateArray());
    }
}
