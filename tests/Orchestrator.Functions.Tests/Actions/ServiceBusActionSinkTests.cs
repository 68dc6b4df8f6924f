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

    [Fact]
    public void ToMessage_KeyLongerThanServiceBusTakes_UsesItsStableHash()
    {
        var key = $"{new string('i', 100)}/{new string('s', 64)}/1";
        var action = new ActionMessage(key, "sms", "payment-reminder", null, "c1", "bill-payment", 1, "i1", "remind", DateTimeOffset.UnixEpoch);

        var first = ServiceBusActionSink.ToMessage(action);
        var again = ServiceBusActionSink.ToMessage(action);

        Assert.True(first.MessageId.Length <= ServiceBusActionSink.MaxMessageIdLength);
        Assert.StartsWith("sha256:", first.MessageId, StringComparison.Ordinal);
        Assert.Equal(first.MessageId, again.MessageId);
        Assert.Contains(key, first.Body.ToString(), StringComparison.Ordinal);
    }
}
