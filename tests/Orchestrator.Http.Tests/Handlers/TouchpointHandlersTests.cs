using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Orchestrator.Application;
using Orchestrator.Application.Touchpoints;
using Orchestrator.Http.Handlers;
using Orchestrator.Http.Tests.Support;

namespace Orchestrator.Http.Tests.Handlers;

public sealed class TouchpointHandlersTests : IDisposable
{
    private readonly HandlerHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task PostAsync_StructuredEvent_Answers202WithHowItWasTaken()
    {
        var answer = await PostAsync(_host.Request("application/cloudevents+json", Event("evt-1").ToJsonString()));

        Assert.Equal(StatusCodes.Status202Accepted, answer.Status);
        var accepted = Assert.Single(answer.Json.GetProperty("accepted").EnumerateArray());
        Assert.Equal("evt-1", accepted.GetProperty("id").GetString());
        Assert.Equal("cust-1", accepted.GetProperty("customerId").GetString());
        Assert.False(string.IsNullOrEmpty(accepted.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task PostAsync_BinaryModeWithoutType_Answers400NamingTheAttribute()
    {
        var headers = new HeaderDictionary { ["ce-specversion"] = "1.0", ["ce-id"] = "evt-2", ["ce-source"] = "tests", ["ce-subject"] = "cust-1" };

        var answer = await PostAsync(_host.Request("application/json", "{}", headers));

        Assert.Equal(StatusCodes.Status400BadRequest, answer.Status);
        Assert.Contains("type", answer.Pointers("attribute"));
    }

    [Fact]
    public async Task PostAsync_TextPlain_Answers415Problem()
    {
        var answer = await PostAsync(_host.Request("text/plain", "hello"));

        Assert.Equal(StatusCodes.Status415UnsupportedMediaType, answer.Status);
        Assert.Contains("application/cloudevents+json", answer.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static JsonObject Event(string id) => new()
    {
        ["specversion"] = "1.0",
        ["id"] = id,
        ["type"] = "ping.sent",
        ["source"] = "tests",
        ["subject"] = "cust-1",
    };

    private async Task<Answer> PostAsync(HttpRequest request)
    {
        var result = await TouchpointHandlers.PostAsync(
            request, _host.Get<TouchpointIngress>().AcceptAsync, _host.Get<ApplicationOptions>(), _host.Get<ILoggerFactory>(), CancellationToken.None);
        return await HandlerHost.ExecuteAsync(result, request);
    }
}
