using System.Text.Json;
using Orchestrator.Journeys.Customers;
using Orchestrator.Journeys.Parsing;
using Orchestrator.Journeys.Tests.Support;

namespace Orchestrator.Journeys.Tests.Customers;

public class ProfileChangeTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ApplyTo_ShallowMerge_ReplacesNamedKeepsOthersAndNullRemoves()
    {
        var first = Apply(CustomerProfile.Empty, """{ "attributes": { "tier": "gold", "locale": "fr-FR", "tags": ["a"] } }""");

        var second = Apply(first, """{ "attributes": { "tier": "silver", "locale": null } }""");

        Assert.Equal(["tags", "tier"], second.Attributes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("silver", second.Attributes["tier"].GetString());
        Assert.Equal("""["a"]""", second.Attributes["tags"].GetRawText());
    }

    [Fact]
    public void ApplyTo_Consent_RecordsStatusWithTheChangesTimeAndSourceUnlessGiven()
    {
        var profile = Apply(CustomerProfile.Empty, """{ "consent": { "email": { "status": "optOut" }, "sms": { "status": "optIn", "at": "2026-01-01T00:00:00Z", "source": "shop" } } }""");

        Assert.Equal(new ChannelConsent(ConsentStatus.OptOut, At, "crm"), profile.Consent["email"]);
        Assert.Equal(new ChannelConsent(ConsentStatus.OptIn, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), "shop"), profile.Consent["sms"]);
        Assert.Null(Apply(profile, """{ "consent": { "email": null } }""").ConsentFor("email"));
    }

    [Theory]
    [InlineData("""[]""", "", "a profile change is a JSON object")]
    [InlineData("""{ "colour": 1 }""", "/colour", "unknown property 'colour'")]
    [InlineData("""{ "attributes": [] }""", "/attributes", "'attributes' is an object")]
    [InlineData("""{ "attributes": { "1tier": "x" } }""", "/attributes/1tier", "'1tier' is not a valid attribute name")]
    [InlineData("""{ "attributes": { "address": { "city": "x" } } }""", "/attributes/address", "an attribute is a string, number, boolean or an array")]
    [InlineData("""{ "attributes": { "tags": [ { "a": 1 } ] } }""", "/attributes/tags", "an attribute is a string, number, boolean or an array")]
    [InlineData("""{ "consent": { "email": { "status": "maybe" } } }""", "/consent/email/status", "must be \"optIn\" or \"optOut\"")]
    [InlineData("""{ "consent": { "email": { } } }""", "/consent/email", "missing required property 'status'")]
    [InlineData("""{ "consent": { "e mail": { "status": "optIn" } } }""", "/consent/e mail", "is not a valid channel name")]
    public void Read_BadChange_NamesThePointer(string json, string pointer, string message)
    {
        var errors = new List<DefinitionError>();

        Assert.Null(ProfileChange.Read(Json.Parse(json), string.Empty, errors));

        var error = Assert.Single(errors);
        Assert.Equal(pointer, error.Pointer);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ApplyTo_TooManyAttributes_IsRefusedAndTheProfileKept()
    {
        var many = string.Join(",", Enumerable.Range(0, CustomerProfile.MaxAttributes + 1).Select(i => $"\"a{i}\": {i}"));
        var errors = new List<DefinitionError>();
        var change = ProfileChange.Read(Json.Parse($$"""{ "attributes": { {{many}} } }"""), "/data", errors)!;

        Assert.Null(change.ApplyTo(CustomerProfile.Empty, At, "crm", "/data", errors));

        Assert.Equal("/data/attributes", Assert.Single(errors).Pointer);
    }

    [Fact]
    public void ApplyTo_AttributesOverTheSizeLimit_AreRefused()
    {
        var big = string.Join(",", Enumerable.Range(0, 10).Select(i => $"\"a{i}\": \"{new string('x', 900)}\""));
        var errors = new List<DefinitionError>();
        var change = ProfileChange.Read(Json.Parse($$"""{ "attributes": { {{big}} } }"""), string.Empty, errors)!;

        Assert.Null(change.ApplyTo(CustomerProfile.Empty, At, "crm", string.Empty, errors));

        Assert.Contains($"at most {CustomerProfile.MaxAttributesBytes} bytes", Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    private static CustomerProfile Apply(CustomerProfile profile, string json)
    {
        var errors = new List<DefinitionError>();
        var change = ProfileChange.Read(JsonDocument.Parse(json).RootElement.Clone(), string.Empty, errors);
        var after = change?.ApplyTo(profile, At, "crm", string.Empty, errors);
        Assert.True(after is not null, string.Join("; ", errors));
        return after;
    }
}
