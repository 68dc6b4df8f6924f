using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Orchestrator.Application.Definitions;
using Orchestrator.Http.Handlers;
using Orchestrator.Http.Tests.Support;

namespace Orchestrator.Http.Tests.Handlers;

/// <summary>The journey handlers' answers as any host writes them: status, problem+json, camel case, enums as strings.</summary>
public sealed class JourneyHandlersTests : IDisposable
{
    private readonly HandlerHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task DeployAsync_ValidDefinition_Answers201WithTheVersionAndItsLocation()
    {
        var answer = await DeployAsync(Definitions.Ping("ping"));

        Assert.Equal(StatusCodes.Status201Created, answer.Status);
        Assert.Equal("/api/journeys/ping/versions/1", answer.Location);
        Assert.Equal("ping", answer.Json.GetProperty("id").GetString());
        Assert.Equal(1, answer.Json.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task DeployAsync_TextPlain_Answers415Problem()
    {
        var request = _host.Request("text/plain", Definitions.Ping("ping").ToJsonString());

        var answer = await HandlerHost.ExecuteAsync(
            await JourneyHandlers.DeployAsync("ping", request, _host.Get<DefinitionService>(), CancellationToken.None), request);

        Assert.Equal(StatusCodes.Status415UnsupportedMediaType, answer.Status);
        Assert.Equal("application/problem+json", answer.ContentType);
        Assert.Contains("text/plain", answer.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateAsync_InvalidDefinition_Answers400ListingEveryErrorWithItsPointer()
    {
        var definition = Definitions.Ping("ping");
        definition["start"] = "nowhere";
        definition["steps"]!["wait-pong"]!["onTimeout"] = "elsewhere";
        var request = _host.Request("application/json", definition.ToJsonString());

        var answer = await HandlerHost.ExecuteAsync(await JourneyHandlers.ValidateAsync("ping", request, CancellationToken.None), request);

        Assert.Equal(StatusCodes.Status400BadRequest, answer.Status);
        Assert.Equal("application/problem+json", answer.ContentType);
        Assert.Equal("Journey 'ping' is not valid", answer.Json.GetProperty("title").GetString());
        Assert.Contains("/start", answer.Pointers());
        Assert.Contains("/steps/wait-pong/onTimeout", answer.Pointers());
    }

    [Fact]
    public async Task ValidateAsync_BodyOverTheDefinitionLimit_Answers400AtTheRootPointer()
    {
        var request = _host.Request("application/json", new string(' ', 300 * 1024));

        var answer = await HandlerHost.ExecuteAsync(await JourneyHandlers.ValidateAsync("ping", request, CancellationToken.None), request);

        Assert.Equal(StatusCodes.Status400BadRequest, answer.Status);
        Assert.Equal([""], answer.Pointers());
    }

    [Fact]
    public async Task ValidateAsync_ValidDefinition_Answers200ValidTrue()
    {
        var request = _host.Request("application/json", Definitions.Ping("ping").ToJsonString());

        var answer = await HandlerHost.ExecuteAsync(await JourneyHandlers.ValidateAsync("ping", request, CancellationToken.None), request);

        Assert.Equal(StatusCodes.Status200OK, answer.Status);
        Assert.True(answer.Json.GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task SimulateAsync_MissingScript_Answers400NamingIt()
    {
        var body = new JsonObject { ["definition"] = Definitions.Ping("ping") }.ToJsonString();
        var request = _host.Request("application/json", body);

        var answer = await HandlerHost.ExecuteAsync(await JourneyHandlers.SimulateAsync("ping", request, CancellationToken.None), request);

        Assert.Equal(StatusCodes.Status400BadRequest, answer.Status);
        Assert.Equal("Journey 'ping' was not simulated", answer.Json.GetProperty("title").GetString());
        Assert.NotEmpty(answer.Pointers());
    }

    [Fact]
    public async Task ListAsync_AfterADeploy_ListsItsSummaryInCamelCaseWithTheStatusAsAString()
    {
        await DeployAsync(Definitions.Ping("ping"));
        var request = _host.Request();

        var answer = await HandlerHost.ExecuteAsync(await JourneyHandlers.ListAsync(_host.Get<DefinitionService>(), CancellationToken.None), request);

        var summary = Assert.Single(answer.Json.EnumerateArray());
        Assert.Equal("ping", summary.GetProperty("id").GetString());
        Assert.Equal("Ping", summary.GetProperty("name").GetString());
        Assert.Equal("test", summary.GetProperty("category").GetString());
        Assert.Equal("Active", summary.GetProperty("status").GetString());
    }

    [Fact]
    public async Task GetActiveAsync_UnknownJourney_Answers404Problem()
    {
        var request = _host.Request();

        var answer = await HandlerHost.ExecuteAsync(
            await JourneyHandlers.GetActiveAsync("missing", _host.Get<DefinitionService>(), CancellationToken.None), request);

        Assert.Equal(StatusCodes.Status404NotFound, answer.Status);
        Assert.Equal("application/problem+json", answer.ContentType);
    }

    [Fact]
    public async Task GetVersionAsync_DeployedVersion_AnswersItsDefinitionStatusAndCounts()
    {
        await DeployAsync(Definitions.Ping("ping"));
        var request = _host.Request();

        var answer = await HandlerHost.ExecuteAsync(
            await JourneyHandlers.GetVersionAsync("ping", 1, _host.Get<VersionLifecycle>(), CancellationToken.None), request);

        Assert.Equal(StatusCodes.Status200OK, answer.Status);
        Assert.Equal("Active", answer.Json.GetProperty("status").GetString());
        Assert.Equal("wait-pong", answer.Json.GetProperty("definition").GetProperty("start").GetString());
        Assert.Equal(0, answer.Json.GetProperty("instances").GetProperty("running").GetInt32());
    }

    [Fact]
    public async Task DrainAsync_ActiveVersion_Answers202Draining()
    {
        await DeployAsync(Definitions.Ping("ping"));
        var request = _host.Request();

        var answer = await HandlerHost.ExecuteAsync(
            await JourneyHandlers.DrainAsync("ping", 1, _host.Get<VersionLifecycle>(), CancellationToken.None), request);

        Assert.Equal(StatusCodes.Status202Accepted, answer.Status);
        Assert.Equal("/api/journeys/ping/versions/1", answer.Location);
        Assert.Equal("Draining", answer.Json.GetProperty("status").GetString());
        Assert.Equal(0, answer.Json.GetProperty("stopped").GetInt32());
    }

    [Fact]
    public async Task StopAsync_UnknownVersion_Answers404Problem()
    {
        var request = _host.Request();

        var answer = await HandlerHost.ExecuteAsync(
            await JourneyHandlers.StopAsync("ping", 7, _host.Get<VersionLifecycle>(), CancellationToken.None), request);

        Assert.Equal(StatusCodes.Status404NotFound, answer.Status);
    }

    private async Task<Answer> DeployAsync(JsonObject definition)
    {
        var request = _host.Request("application/json", definition.ToJsonString());
        var result = await JourneyHandlers.DeployAsync((string)definition["id"]!, request, _host.Get<DefinitionService>(), CancellationToken.None);
        return await HandlerHost.ExecuteAsync(result, request);
    }
}
