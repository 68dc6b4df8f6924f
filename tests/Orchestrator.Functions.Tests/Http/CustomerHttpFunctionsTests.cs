using Microsoft.AspNetCore.Http;
using Orchestrator.Application.Queries;
using Orchestrator.Functions.Http;

namespace Orchestrator.Functions.Tests.Http;

public sealed class CustomerHttpFunctionsTests : IDisposable
{
    private readonly FunctionHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task ListJourneysAsync_UnknownCustomer_Answers200EmptyArray()
    {
        var request = _host.Request();

        var answer = await FunctionHost.ExecuteAsync(
            await new CustomerHttpFunctions(_host.Get<InstanceQueries>()).ListJourneysAsync(request, "nobody", CancellationToken.None), request);

        Assert.Equal(StatusCodes.Status200OK, answer.Status);
        Assert.Empty(answer.Json.EnumerateArray());
    }

    [Fact]
    public async Task GetTimelineAsync_UnknownCustomer_Answers200EmptyArray()
    {
        var request = _host.Request();

        var answer = await FunctionHost.ExecuteAsync(
            await new CustomerHttpFunctions(_host.Get<InstanceQueries>()).GetTimelineAsync(request, "nobody", CancellationToken.None), request);

        Assert.Equal(StatusCodes.Status200OK, answer.Status);
        Assert.Empty(answer.Json.EnumerateArray());
    }
}
