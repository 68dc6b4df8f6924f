using Orchestrator.Application.Rules;
using Orchestrator.Journeys.Customers;

namespace Orchestrator.Application.Tests.Rules;

/// <summary>Consent and the choice among several channels, decided by the send-time rules.</summary>
public sealed class ChannelChoiceTests
{
    // A Monday, 10:00 UTC: outside every default quiet hours in UTC.
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Night = new(2026, 3, 2, 22, 0, 0, TimeSpan.Zero);
    private static readonly SendRulesOptions Options = new();

    private static SendRequest Request(string channel, string[]? alternatives = null, params (string Channel, ConsentStatus Status)[] consent) =>
        new(channel, "welcome", "service", 10, [], "UTC")
        {
            Alternatives = alternatives ?? [],
            Consent = consent.ToDictionary(c => c.Channel, c => new ChannelConsent(c.Status, Now, "crm")),
        };

    [Fact]
    public void Decide_OneChannelOptedOut_WithheldForNoConsent()
    {
        var verdict = SendRules.Decide(Request("email", null, ("email", ConsentStatus.OptOut)), [], [], Options, Now);

        Assert.Equal(SendVerdictKind.NoConsent, verdict.Kind);
        Assert.Equal("the customer opted out of email", verdict.Reason);
    }

    [Theory]
    [InlineData(false, SendVerdictKind.Send)]
    [InlineData(true, SendVerdictKind.NoConsent)]
    public void Decide_UnknownConsent_AllowedUnlessOptInIsRequired(bool requireOptIn, SendVerdictKind expected)
    {
        var verdict = SendRules.Decide(Request("email"), [], [], Options with { RequireOptIn = requireOptIn }, Now);

        Assert.Equal(expected, verdict.Kind);
    }

    [Fact]
    public void Decide_RequireOptIn_ExplicitOptInSends()
    {
        var verdict = SendRules.Decide(Request("email", null, ("email", ConsentStatus.OptIn)), [], [], Options with { RequireOptIn = true }, Now);

        Assert.Equal(SendVerdictKind.Send, verdict.Kind);
    }

    [Fact]
    public void Decide_FirstChannelOptedOut_SendsOnTheNextAndSaysWhyTheFirstWasSkipped()
    {
        var verdict = SendRules.Decide(Request("email", ["sms", "push"], ("email", ConsentStatus.OptOut)), [], [], Options, Now);

        Assert.Equal((SendVerdictKind.Send, "sms"), (verdict.Kind, verdict.Channel));
        var skipped = Assert.Single(verdict.Skipped);
        Assert.Equal(("email", SendVerdictKind.NoConsent), (skipped.Channel, skipped.Kind));
    }

    [Fact]
    public void Decide_SmsInQuietHours_PushUsedNow()
    {
        var verdict = SendRules.Decide(Request("sms", ["push"]), [], [], Options, Night);

        Assert.Equal((SendVerdictKind.Send, "push"), (verdict.Kind, verdict.Channel));
        Assert.Equal([("sms", SendVerdictKind.Deferred)], verdict.Skipped.Select(s => (s.Channel, s.Kind)));
    }

    [Fact]
    public void Decide_CappedThenOptedOutThenQuiet_DeferredToTheQuietChannelWithEveryReason()
    {
        var marketing = new SendRequest("email", "offer", "marketing", 10, [], "UTC")
        {
            Alternatives = ["push", "sms"],
            Consent = new Dictionary<string, ChannelConsent> { ["push"] = new(ConsentStatus.OptOut, Now, "app") },
        };
        var history = Enumerable.Range(1, 3).Select(d => new SentAction(Night - TimeSpan.FromDays(d), "email", "other", "marketing", 1)).ToArray();
        var options = Options with { Caps = [new FrequencyCap("email", "marketing", 3, TimeSpan.FromDays(7))] };

        var verdict = SendRules.Decide(marketing, [], history, options, Night);

        Assert.Equal((SendVerdictKind.Deferred, "sms", new DateTimeOffset(2026, 3, 3, 8, 0, 0, TimeSpan.Zero)), (verdict.Kind, verdict.Channel, verdict.DeferUntil));
        Assert.Equal(["email", "push", "sms"], verdict.Skipped.Select(s => s.Channel));
        Assert.Contains("email: cap of 3", verdict.Reason, StringComparison.Ordinal);
        Assert.Contains("push: the customer opted out of push", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_EveryChannelBlockedForGood_WithheldForTheFirstReasonListingAll()
    {
        var verdict = SendRules.Decide(Request("email", ["push"], ("email", ConsentStatus.OptOut), ("push", ConsentStatus.OptOut)), [], [], Options, Now);

        Assert.Equal((SendVerdictKind.NoConsent, "email"), (verdict.Kind, verdict.Channel));
        Assert.Equal("email: the customer opted out of email; push: the customer opted out of push", verdict.Reason);
    }

    [Fact]
    public void Decide_SuppressingJourneyActive_SuppressedWhateverTheChannels()
    {
        var request = Request("email", ["sms"]) with { SuppressWhileActive = ["support-case"] };

        var verdict = SendRules.Decide(request, ["support-case"], [], Options, Now);

        Assert.Equal(SendVerdictKind.Suppressed, verdict.Kind);
        Assert.Empty(verdict.Skipped);
    }
}
