using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Orchestrator.Application.Definitions;
using Orchestrator.Application.Identity;
using Orchestrator.Application.Queries;
using Orchestrator.Functions.Http;

namespace Orchestrator.Functions.Tests.Http;

/// <summary>The console's reads answer in the Functions app as the standalone routes do.</summary>
public sealed class ConsoleQueryHttpFunctionsTests : IDisposable
{
    private readonly FunctionHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task ListInstances_UnknownVersion_Answers404Problem()
    {
        var request = _host.Request();

        var answer = await FunctionHost.ExecuteAsync(await Instances().ListAsync(request, "missing", 1, CancellationToken.None), request);

        Assert.Equal(StatusCodes.Status404NotFound, answer.Status);
        Assert.Equal("application/problem+json", answer.ContentType);
    }

    [Theory]
    [InlineData("x")]
    [InlineData("0")]
    public async Task ListInstances_BadTop_Answers400Problem(string top)
    {
        var request = _host.Request();
        request.Query = new QueryCollection(new Dictionary<string, StringValues> { ["top"] = top });

        var answer = await FunctionHost.ExecuteAsync(await Instances().ListAsync(request, "missing", 1, CancellationToken.None), request);

        Assert.Equal(StatusCodes.Status400BadRequest, answer.Status);
        Assert.Equal("application/problem+json", answer.ContentType);
    }

    [Fact]
    public async Task GetIdentity_UnlinkedAlias_AnswersItStandsForItself()
    {
        var request = _host.Request();

        var answer = await FunctionHost.ExecuteAsync(
            await new CustomerIdentityHttpFunctions(_host.Get<IdentityResolver>()).GetIdentityAsync(request, "email:ann@example.com", CancellationToken.None), request);

        Assert.Equal(StatusCodes.Status200OK, answer.Status);
        Assert.Equal("email:ann@example.com", answer.Json.GetProperty("customerId").GetString());
        Assert.True(answer.Json.GetProperty("isAlias").GetBoolean());
        Assert.False(answer.Json.GetProperty("linked").GetBoolean());
    }

    private JourneyInstancesHttpFunctions Instances() => new(_host.Get<DefinitionService>(), _host.Get<InstanceQueries>());
}
