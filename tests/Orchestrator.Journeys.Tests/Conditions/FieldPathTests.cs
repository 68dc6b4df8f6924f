using Orchestrator.Journeys.Conditions;

namespace Orchestrator.Journeys.Tests.Conditions;

public class FieldPathTests
{
    [Theory]
    [InlineData("event.type", FieldRoot.Event, TouchpointField.Type, "")]
    [InlineData("event.id", FieldRoot.Event, TouchpointField.Id, "")]
    [InlineData("event.source", FieldRoot.Event, TouchpointField.Source, "")]
    [InlineData("event.time", FieldRoot.Event, TouchpointField.Time, "")]
    [InlineData("event.subject", FieldRoot.Event, TouchpointField.Subject, "")]
    [InlineData("event.data", FieldRoot.Event, TouchpointField.Data, "")]
    [InlineData("event.data.items.0.sku", FieldRoot.Event, TouchpointField.Data, "items|0|sku")]
    [InlineData("trigger.data.amount", FieldRoot.Trigger, TouchpointField.Data, "amount")]
    [InlineData("trigger.time", FieldRoot.Trigger, TouchpointField.Time, "")]
    [InlineData("vars.tier", FieldRoot.Vars, TouchpointField.None, "tier")]
    [InlineData("vars.offer.codes.1", FieldRoot.Vars, TouchpointField.None, "offer|codes|1")]
    [InlineData("customer.id", FieldRoot.Customer, TouchpointField.None, "id")]
    [InlineData("customer.attributes.tier", FieldRoot.Customer, TouchpointField.None, "attributes|tier")]
    [InlineData("customer.attributes.tags.0", FieldRoot.Customer, TouchpointField.None, "attributes|tags|0")]
    [InlineData("customer.consent.email", FieldRoot.Customer, TouchpointField.None, "consent|email")]
    [InlineData("customer.facts.lastTouchpointAt", FieldRoot.Customer, TouchpointField.None, "facts|lastTouchpointAt")]
    [InlineData("customer.facts.steps.onboarding", FieldRoot.Customer, TouchpointField.None, "facts|steps|onboarding")]
    [InlineData("instance.id", FieldRoot.Instance, TouchpointField.None, "")]
    [InlineData("journey.id", FieldRoot.Journey, TouchpointField.None, "id")]
    [InlineData("journey.version", FieldRoot.Journey, TouchpointField.None, "version")]
    public void TryParse_ValidPath_ReadsRootAttributeAndSegments(string text, FieldRoot root, TouchpointField attribute, string segments)
    {
        Assert.True(FieldPath.TryParse(text, out var path, out var error));

        Assert.Null(error);
        Assert.Equal((text, root, attribute), (path.Text, path.Root, path.Attribute));
        Assert.Equal(segments.Length == 0 ? [] : segments.Split('|'), path.Segments);
    }

    [Theory]
    [InlineData("")]
    [InlineData("event")]
    [InlineData("event.")]
    [InlineData(".event.type")]
    [InlineData("event..data")]
    [InlineData("event.data.")]
    [InlineData("event.colour")]
    [InlineData("event.type.name")]
    [InlineData("event.time.zone")]
    [InlineData("Event.type")]
    [InlineData("trigger")]
    [InlineData("trigger.payload")]
    [InlineData("vars")]
    [InlineData("vars.")]
    [InlineData("customer")]
    [InlineData("customer.name")]
    [InlineData("customer.id.x")]
    [InlineData("customer.tier")]
    [InlineData("customer.attributes")]
    [InlineData("customer.attributes.1tier")]
    [InlineData("customer.consent")]
    [InlineData("customer.consent.email.status")]
    [InlineData("customer.facts")]
    [InlineData("customer.facts.favouriteColour")]
    [InlineData("customer.facts.steps")]
    [InlineData("customer.facts.journeys.0")]
    [InlineData("instance")]
    [InlineData("instance.key")]
    [InlineData("journey")]
    [InlineData("journey.name")]
    [InlineData("journey.version.major")]
    [InlineData("data.amount")]
    [InlineData("foo.bar")]
    public void TryParse_InvalidPath_IsRejectedWithAMessageQuotingIt(string text)
    {
        Assert.False(FieldPath.TryParse(text, out var path, out var error));

        Assert.Null(path);
        Assert.Contains($"'{text}'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InvalidPath_ThrowsFormatExceptionWithTheReason()
    {
        var exception = Assert.Throws<FormatException>(() => FieldPath.Parse("event.colour"));

        Assert.Contains("'event.colour'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Equals_SameText_IsEqualWithTheSameHash()
    {
        var a = FieldPath.Parse("event.data.amount");
        var b = FieldPath.Parse("event.data.amount");

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, FieldPath.Parse("trigger.data.amount"));
        Assert.False(a.Equals(null));
        Assert.Equal("event.data.amount", a.ToString());
    }
}
