using System.Text.Json;
using Orchestrator.Journeys.Customers;
using Orchestrator.Journeys.Definitions;
using Orchestrator.Journeys.Engine;
using Orchestrator.Journeys.Tests.Support;

namespace Orchestrator.Journeys.Tests.Engine;

/// <summary>A send step offering several channels: the engine names them in order; the send-time rules choose.</summary>
public class ChannelCandidatesTests
{
    [Fact]
    public void Send_ChannelsListed_FirstIsTheChannelTheRestAlternativesInOrder()
    {
        var send = SendOf(new SendStep("s", "email", "welcome", null, "end") { Channels = ["email", "sms", "push"] }, profile: null);

        Assert.Equal("email", send.Channel);
        Assert.Equal(["sms", "push"], send.Alternatives);
    }

    [Theory]
    [InlineData("sms", "sms", new[] { "email", "push" })]
    [InlineData("email", "email", new[] { "push" })]
    [InlineData(null, "email", new[] { "push" })]
    [InlineData("not a channel!", "email", new[] { "push" })]
    public void Send_PreferredChannel_TheCustomersFirstThenTheFallbackWithoutRepeats(string? preferred, string channel, string[] alternatives)
    {
        var profile = preferred is null
            ? CustomerProfile.Empty
            : new CustomerProfile { Attributes = new Dictionary<string, JsonElement> { ["preferredChannel"] = JsonSerializer.SerializeToElement(preferred) } };

        var send = SendOf(new SendStep("s", SendStep.Preferred, "welcome", null, "end") { Fallback = ["email", "push"] }, profile);

        Assert.Equal(channel, send.Channel);
        Assert.Equal(alternatives, send.Alternatives);
    }

    [Fact]
    public void Send_OneChannel_NoAlternatives()
    {
        var send = SendOf(new SendStep("s", "web", "banner", null, "end"), profile: null);

        Assert.Equal(("web", 0), (send.Channel, send.Alternatives.Count));
    }

    [Fact]
    public void Read_ChannelsAndPreferred_RoundTripIntoTheStep()
    {
        var read = Orchestrator.Journeys.Parsing.JourneyDefinitionReader.Read("""
            { "id": "j", "name": "j", "entry": { "event": "e" }, "start": "a",
              "steps": { "a": { "type": "send", "channels": ["email", "sms"], "action": "x", "next": "b" },
                         "b": { "type": "send", "channel": "preferred", "fallback": ["push"], "action": "y", "next": "c" },
                         "c": { "type": "end", "outcome": "success" } } }
            """);

        Assert.True(read.IsValid, string.Join("; ", read.Errors));
        Assert.Equal(["email", "sms"], ((SendStep)read.Definition.Steps["a"]).Channels);
        var preferred = (SendStep)read.Definition.Steps["b"];
        Assert.Equal("preferred", preferred.Channel);
        Assert.Equal(["push"], preferred.Fallback);
    }

    private static SendAction SendOf(SendStep step, CustomerProfile? profile)
    {
        var definition = new JourneyBuilder().Step(step).End("end").Build();
        var context = new JourneyContext { Customer = profile };
        return JourneyEngine.Start(definition, Touchpoints.Of("test.entered", Clock.T0), Clock.T0, context).Commands.OfType<SendAction>().Single();
    }
}
