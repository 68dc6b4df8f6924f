using System.Text.Json;
using Azure.Messaging.ServiceBus;
using Moq;
using Orchestrator.Application.Touchpoints;
using Orchestrator.Functions.Http;

namespace Orchestrator.Functions.Tests.Http;

public sealed class ServiceBusTouchpointForwarderTests
{
    private readonly Mock<ServiceBusSender> _sender = new(MockBehavior.Strict);
    private readonly Mock<ServiceBusClient> _client = new(MockBehavior.Strict);

    public ServiceBusTouchpointForwarderTests() =>
        _client.Setup(c => c.CreateSender("touchpoints")).Returns(_sender.Object);

    [Fact]
    public async Task ForwardAsync_Touchpoint_SendsItsStructuredJsonInTheSubjectsSessionAndAnswersQueued()
    {
        ServiceBusMessage? sent = null;
        _sender
            .Setup(s => s.SendMessageAsync(It.IsAny<ServiceBusMessage>(), It.IsAny<CancellationToken>()))
            .Callback<ServiceBusMessage, CancellationToken>((message, _) => sent = message)
            .Returns(Task.CompletedTask);
        var touchpoint = new IncomingTouchpoint(
            "evt-1", "invoice.issued", "tests", "cust-1", null, null,
            """{"specversion":"1.0","id":"evt-1","type":"invoice.issued","source":"tests","subject":"cust-1"}""");

        var result = await new ServiceBusTouchpointForwarder(_client.Object).ForwardAsync(touchpoint, CancellationToken.None);

        Assert.Equal(new AcceptResult("evt-1", "cust-1", AcceptStatus.Queued), result);
        Assert.NotNull(sent);
        Assert.Equal("evt-1", sent.MessageId);
        Assert.Equal("cust-1", sent.SessionId);
        using var body = JsonDocument.Parse(sent.Body.ToString());
        Assert.Equal("invoice.issued", body.RootElement.GetProperty("type").GetString());
    }

    [Fact]
    public async Task DisposeAsync_DisposesItsSender()
    {
        _sender.Setup(s => s.DisposeAsync()).Returns(ValueTask.CompletedTask).Verifiable(Times.Once);

        await new ServiceBusTouchpointForwarder(_client.Object).DisposeAsync();

        _sender.Verify();
    }
}
