using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Messaging.ServiceBus;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Moq;
using Orchestrator.Application;
using Orchestrator.Functions.Http;

namespace Orchestrator.Functions.Tests.Http;

/// <summary>POST /api/touchpoints: read and answered as the standalone runtime does, forwarded to the touchpoints queue.</summary>
public sealed class TouchpointHttpFunctionsTests : IDisposable
{
    private readonly FunctionHost _host = new();
    private readonly Mock<ServiceBusSender> _sender = new();
    private readonly List<ServiceBusMessage> _sent = [];
    private readonly TouchpointHttpFunctions _functions;

    public TouchpointHttpFunctionsTests()
    {
        _sender
            .Setup(s => s.SendMessageAsync(It.IsAny<ServiceBusMessage>(), It.IsAny<CancellationToken>()))
            .Callback<ServiceBusMessage, CancellationToken>((message, _) => _sent.Add(message))
            .Returns(Task.CompletedTask);
        var client = new Mock<ServiceBusClient>();
        client.Setup(c => c.CreateSender(ServiceBusTouchpointForwarder.QueueName)).Returns(_sender.Object);
        _functions = new TouchpointHttpFunctions(
            new ServiceBusTouchpointForwarder(client.Object), _host.Get<ApplicationOptions>(), _host.Get<ILoggerFactory>());
    }

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task PostAsync_Batch_ForwardsEachInOrderAsASessionMessageAndAnswers202Queued()
    {
        var request = _host.Request("application/cloudevents-batch+json", new JsonArray(Event("evt-1"), Event("evt-2")).ToJsonString());

        var answer = await FunctionHost.ExecuteAsync(await _functions.PostAsync(request, CancellationToken.None), request);

        Assert.Equal(StatusCodes.Status202Accepted, answer.Status);
        var accepted = answer.Json.GetProperty("accepted").EnumerateArray().ToList();
        Assert.Equal(["evt-1", "evt-2"], accepted.Select(a => a.GetProperty("id").GetString()));
        Assert.All(accepted, a => Assert.Equal("Queued", a.GetProperty("status").GetString()));
        Assert.Equal(["evt-1", "evt-2"], _sent.Select(m => m.MessageId));
        Assert.All(_sent, m => Assert.Equal("cust-1", m.SessionId));
        Assert.All(_sent, m => Assert.Equal("application/cloudevents+json", m.ContentType));
    }

    [Fact]
    public async Task PostAsync_BinaryMode_ForwardsTheStructuredEventTheQueueFunctionReads()
    {
        var request = _host.Request("application/json", """{ "amount": 12 }""");
        request.Headers["ce-specversion"] = "1.0";
        request.Headers["ce-id"] = "evt-3";
        request.Headers["ce-type"] = "invoice.issued";
        request.Headers["ce-source"] = "tests";
        request.Headers["ce-subject"] = "cust-2";

        var answer = await FunctionHost.ExecuteAsync(await _functions.PostAsync(request, CancellationToken.None), request);

        Assert.Equal(StatusCodes.Status202Accepted, answer.Status);
        using var body = JsonDocument.Parse(Assert.Single(_sent).Body.ToString());
        Assert.Equal("evt-3", body.RootElement.GetProperty("id").GetString());
        Assert.Equal("cust-2", body.RootElement.GetProperty("subject").GetString());
        Assert.Equal(12, body.RootElement.GetProperty("data").GetProperty("amount").GetInt32());
    }

    [Fact]
    public async Task PostAsync_SendFailsOnTheSecond_Answers503WithTheFirstAccepted()
    {
        _sender
            .SetupSequence(s => s.SendMessageAsync(It.IsAny<ServiceBusMessage>(), It.IsAny<CancellationToken>()))
            .Returns(Task.CompletedTask)
            .ThrowsAsync(new ServiceBusException("namespace unavailable", ServiceBusFailureReason.ServiceCommunicationProblem));
        var request = _host.Request("application/cloudevents-batch+json", new JsonArray(Event("evt-1"), Event("evt-2")).ToJsonString());

        var answer = await FunctionHost.ExecuteAsync(await _functions.PostAsync(request, CancellationToken.None), request);

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, answer.Status);
        Assert.Equal("application/problem+json", answer.ContentType);
        Assert.Equal("evt-1", Assert.Single(answer.Json.GetProperty("accepted").EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task PostAsync_EventWithoutSubject_Answers400NamingTheAttributeAndSendsNothing()
    {
        var cloudEvent = Event("evt-4");
        cloudEvent.Remove("subject");
        var request = _host.Request("application/cloudevents+json", cloudEvent.ToJsonString());

        var answer = await FunctionHost.ExecuteAsync(await _functions.PostAsync(request, CancellationToken.None), request);

        Assert.Equal(StatusCodes.Status400BadRequest, answer.Status);
        Assert.Contains(answer.Json.GetProperty("errors").EnumerateArray(), e => e.GetProperty("attribute").GetString() == "subject");
        Assert.Empty(_sent);
    }

    [Fact]
    public async Task PostAsync_TextPlain_Answers415Problem()
    {
        var request = _host.Request("text/plain", "hello");

        var answer = await FunctionHost.ExecuteAsync(await _functions.PostAsync(request, CancellationToken.None), request);

        Assert.Equal(StatusCodes.Status415UnsupportedMediaType, answer.Status);
        Assert.Empty(_sent);
    }

    private static JsonObject Event(string id) => new()
    {
        ["specversion"] = "1.0",
        ["id"] = id,
        ["type"] = "ping.sent",
        ["source"] = "tests",
        ["subject"] = "cust-1",
    };
}
