using Orchestrator.Journeys.Conditions;
using Orchestrator.Journeys.Customers;
using Orchestrator.Journeys.Definitions;
using Orchestrator.Journeys.Tests.Conditions;
using Orchestrator.Journeys.Tests.Support;
using static Orchestrator.Journeys.Conditions.ConditionOperator;

namespace Orchestrator.Journeys.Tests.Customers;

public class CustomerFieldTests
{
    private static readonly DateTimeOffset Seen = new(2026, 1, 1, 7, 30, 0, TimeSpan.Zero);

    private static readonly CustomerProfile Profile = new()
    {
        Attributes = new Dictionary<string, System.Text.Json.JsonElement>
        {
            ["tier"] = Json.Parse("\"gold\""),
            ["score"] = Json.Parse("87"),
            ["tags"] = Json.Parse("""["vip","beta"]"""),
        },
        Consent = new Dictionary<string, ChannelConsent>
        {
            ["email"] = new(ConsentStatus.OptOut, Seen, "preference-center"),
            ["sms"] = new(ConsentStatus.OptIn, Seen, "crm"),
        },
        Facts = new CustomerFacts
        {
            LastTouchpointAt = Seen,
            LastTouchpointType = "app.opened",
            LastChannel = "mobile",
            Journeys = [new JourneyPresence("onboarding", "onboarding:cust-1:x", "wait-first")],
            RecentOutcomes = [new OutcomeFact("renewal", "renewal:cust-1:y", JourneyOutcome.Failure, Seen)],
        },
    };

    public static TheoryData<string, ConditionOperator, string?, bool> Table => new()
    {
        { "customer.id", Eq, "\"cust-1\"", true },
        { "customer.attributes.tier", Eq, "\"gold\"", true },
        { "customer.attributes.tier", Eq, "\"silver\"", false },
        { "customer.attributes.score", Gte, "80", true },
        { "customer.attributes.tags", Contains, "\"vip\"", true },
        { "customer.attributes.tags.1", Eq, "\"beta\"", true },
        { "customer.attributes.locale", Exists, null, false },
        { "customer.consent.email", Eq, "\"optOut\"", true },
        { "customer.consent.sms", Eq, "\"optIn\"", true },
        { "customer.consent.push", Exists, null, false },
        { "customer.facts.lastTouchpointAt", Lt, "\"2026-01-01T08:00:00Z\"", true },
        { "customer.facts.lastTouchpointType", Eq, "\"app.opened\"", true },
        { "customer.facts.lastChannel", Eq, "\"mobile\"", true },
        { "customer.facts.journeys", Contains, "\"onboarding\"", true },
        { "customer.facts.journeys", Contains, "\"renewal\"", false },
        { "customer.facts.steps.onboarding", Eq, "\"wait-first\"", true },
        { "customer.facts.steps.renewal", Exists, null, false },
        { "customer.facts.outcomes.renewal", Eq, "\"failure\"", true },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Evaluate_CustomerField_ReadsTheProfile(string path, ConditionOperator op, string? value, bool expected)
    {
        var scope = ConditionScope.Scope with { Customer = Profile };

        Assert.Equal(expected, Cond.Field(path, op, value).Evaluate(scope));
    }

    [Theory]
    [InlineData("customer.attributes.tier")]
    [InlineData("customer.consent.email")]
    [InlineData("customer.facts.lastChannel")]
    public void Evaluate_NoProfile_EveryProfileFieldIsMissing(string path) =>
        Assert.False(Cond.Field(path, Exists).Evaluate(ConditionScope.Scope));

    [Fact]
    public void Evaluate_NoProfile_CustomerIdStillReads() =>
        Assert.True(Cond.Field("customer.id", Eq, "\"cust-1\"").Evaluate(ConditionScope.Scope));
}
