using Orchestrator.Application.Actions;
using Orchestrator.Functions.Actions;

namespace Orchestrator.Functions.Tests.Actions;

public sealed class ServiceBusActionSinkTests
{
    [Fact]
    public void ToMessage_CarriesIdempotencyKeyAsMessageIdAndChannelAsProperty()
    {
        var action = new ActionMessage("k1", "sms", "payment-reminder", null, "c1", "bill-payment", 1, "i1", "remind", DateTimeOffset.UnixEpoch);

        var message = ServiceBusActionSink.ToMessage(action);

        Assert.Equal("k1", message.MessageId);
        Assert.Equal("sms", message.ApplicationProperties[ServiceBusActionSink.ChannelProperty]);
        Assert.Contains("\"payment-reminder\"", message.Body.ToString(), StringComparison.Ordinal);
    }
}
