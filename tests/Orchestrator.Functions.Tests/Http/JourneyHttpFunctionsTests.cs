using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Orchestrator.Application.Definitions;
using Orchestrator.Functions.Http;

namespace Orchestrator.Functions.Tests.Http;

/// <summary>The journey functions answer as the standalone routes do: same status codes, headers and JSON.</summary>
public sealed class JourneyHttpFunctionsTests : IDisposable
{
    private readonly FunctionHost _host = new();
    private readonly JourneyHttpFunctions _functions;

    public JourneyHttpFunctionsTests() => _functions = new JourneyHttpFunctions(_host.Get<DefinitionService>(), _host.Get<VersionLifecycle>());

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task DeployAsync_ValidDefinition_Answers201WithTheStandaloneLocation()
    {
        var answer = await DeployAsync("ping");

        Assert.Equal(StatusCodes.Status201Created, answer.Status);
        Assert.Equal("/api/journeys/ping/versions/1", answer.Location);
        Assert.Equal(1, answer.Json.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task DeployAsync_SameDefinitionAgain_Answers200WithTheActiveVersion()
    {
        await DeployAsync("ping");

        var answer = await DeployAsync("ping");

        Assert.Equal(StatusCodes.Status200OK, answer.Status);
        Assert.True(string.IsNullOrEmpty(answer.Location), answer.Location);
        Assert.Equal(1, answer.Json.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task DeployAsync_RawInvalidUtf8InName_Answers400PointingAtNameAndStoresNothing()
    {
        var definition = Ping("ping");
        definition["name"] = "Xname";
        var bytes = System.Text.Encoding.UTF8.GetBytes(definition.ToJsonString());
        bytes[Array.IndexOf(bytes, (byte)'X')] = 0xFF;
        var request = _host.Request("application/json", bytes);

        var answer = await FunctionHost.ExecuteAsync(await _functions.DeployAsync(request, "ping", CancellationToken.None), request);

        Assert.Equal(StatusCodes.Status400BadRequest, answer.Status);
        Assert.Equal("application/problem+json", answer.ContentType);
        Assert.Equal(["/name"], answer.Json.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("pointer").GetString()));
        Assert.Null(await _host.Get<DefinitionService>().GetActiveAsync("ping", CancellationToken.None));
    }

    [Fact]
    public async Task ValidateAsync_InvalidDefinition_Answers400ProblemWithJsonPointers()
    {
        var definition = Ping("ping");
        definition["start"] = "nowhere";
        var request = _host.Request("application/json", definition.ToJsonString());

        var answer = await FunctionHost.ExecuteAsync(await JourneyHttpFunctions.ValidateAsync(request, "ping", CancellationToken.None), request);

        Assert.Equal(StatusCodes.Status400BadRequest, answer.Status);
        Assert.Equal("application/problem+json", answer.ContentType);
        Assert.Contains(answer.Json.GetProperty("errors").EnumerateArray(), e => e.GetProperty("pointer").GetString() == "/start");
    }

    [Fact]
    public async Task SimulateAsync_TextPlain_Answers415Problem()
    {
        var request = _host.Request("text/plain", "{}");

        var answer = await FunctionHost.ExecuteAsync(await JourneyHttpFunctions.SimulateAsync(request, "ping", CancellationToken.None), request);

        Assert.Equal(StatusCodes.Status415UnsupportedMediaType, answer.Status);
        Assert.Equal("application/problem+json", answer.ContentType);
    }

    [Fact]
    public async Task ListAsync_AfterADeploy_ListsItWithItsStatusAsAString()
    {
        await DeployAsync("ping");
        var request = _host.Request();

        var answer = await FunctionHost.ExecuteAsync(await _functions.ListAsync(request, CancellationToken.None), request);

        var summary = Assert.Single(answer.Json.EnumerateArray());
        Assert.Equal("ping", summary.GetProperty("id").GetString());
        Assert.Equal("Active", summary.GetProperty("status").GetString());
    }

    [Fact]
    public async Task GetActiveAsync_UnknownJourney_Answers404Problem()
    {
        var request = _host.Request();

        var answer = await FunctionHost.ExecuteAsync(await _functions.GetActiveAsync(request, "missing", CancellationToken.None), request);

        Assert.Equal(StatusCodes.Status404NotFound, answer.Status);
        Assert.Equal("application/problem+json", answer.ContentType);
    }

    [Fact]
    public async Task GetVersionAsync_DeployedVersion_AnswersItsDefinitionAndStatus()
    {
        await DeployAsync("ping");
        var request = _host.Request();

        var answer = await FunctionHost.ExecuteAsync(await _functions.GetVersionAsync(request, "ping", 1, CancellationToken.None), request);

        Assert.Equal(StatusCodes.Status200OK, answer.Status);
        Assert.Equal("Active", answer.Json.GetProperty("status").GetString());
        Assert.Equal("ping", answer.Json.GetProperty("definition").GetProperty("id").GetString());
    }

    [Fact]
    public async Task DrainAsync_ThenStopAsync_AnswerTheNewStatuses()
    {
        await DeployAsync("ping");
        var drainRequest = _host.Request();
        var stopRequest = _host.Request();

        var drained = await FunctionHost.ExecuteAsync(await _functions.DrainAsync(drainRequest, "ping", 1, CancellationToken.None), drainRequest);
        var stopped = await FunctionHost.ExecuteAsync(await _functions.StopAsync(stopRequest, "ping", 1, new Moq.Mock<Microsoft.DurableTask.Client.DurableTaskClient>("test").Object, CancellationToken.None), stopRequest);

        Assert.Equal(StatusCodes.Status202Accepted, drained.Status);
        Assert.Equal("Draining", drained.Json.GetProperty("status").GetString());
        Assert.Equal(StatusCodes.Status202Accepted, stopped.Status);
        Assert.Equal("Stopped", stopped.Json.GetProperty("status").GetString());
    }

    [Fact]
    public async Task DrainAsync_StoppedVersion_Answers409Problem()
    {
        await DeployAsync("ping");
        var stopRequest = _host.Request();
        await FunctionHost.ExecuteAsync(await _functions.StopAsync(stopRequest, "ping", 1, new Moq.Mock<Microsoft.DurableTask.Client.DurableTaskClient>("test").Object, CancellationToken.None), stopRequest);
        var request = _host.Request();

        var answer = await FunctionHost.ExecuteAsync(await _functions.DrainAsync(request, "ping", 1, CancellationToken.None), request);

        Assert.Equal(StatusCodes.Status409Conflict, answer.Status);
    }

    private static JsonObject Ping(string id) => new()
    {
        ["id"] = id,
        ["name"] = "Ping",
        ["entry"] = new JsonObject { ["event"] = "ping.sent" },
        ["start"] = "answered",
        ["steps"] = new JsonObject { ["answered"] = new JsonObject { ["type"] = "end", ["outcome"] = "success" } },
    };

    private async Task<Answer> DeployAsync(string id)
    {
        var request = _host.Request("application/json", Ping(id).ToJsonString());
        return await FunctionHost.ExecuteAsync(await _functions.DeployAsync(request, id, CancellationToken.None), request);
    }
}
