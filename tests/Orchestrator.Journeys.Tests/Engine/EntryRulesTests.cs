using Orchestrator.Journeys.Conditions;
using Orchestrator.Journeys.Definitions;
using Orchestrator.Journeys.Engine;
using Orchestrator.Journeys.Tests.Support;

namespace Orchestrator.Journeys.Tests.Engine;

public class EntryRulesTests
{
    /// <summary>
    /// Columns: re-entry policy, cooldown in days (null: none), prior entries as "startedDaysAgo:active"
    /// separated by commas, expected decision. The touchpoint always matches the entry.
    /// </summary>
    [Theory]
    [InlineData(ReentryPolicy.Never, null, "", EntryDecision.Enter)]
    [InlineData(ReentryPolicy.Never, null, "100:false", EntryDecision.AlreadyEntered)]
    [InlineData(ReentryPolicy.Never, null, "1:true", EntryDecision.AlreadyEntered)]
    [InlineData(ReentryPolicy.AfterExit, null, "", EntryDecision.Enter)]
    [InlineData(ReentryPolicy.AfterExit, null, "1:true", EntryDecision.AlreadyActive)]
    [InlineData(ReentryPolicy.AfterExit, null, "30:false,1:true", EntryDecision.AlreadyActive)]
    [InlineData(ReentryPolicy.AfterExit, null, "1:false", EntryDecision.Enter)]
    [InlineData(ReentryPolicy.AfterExit, 7.0, "6:false", EntryDecision.CoolingDown)]
    [InlineData(ReentryPolicy.AfterExit, 7.0, "7:false", EntryDecision.Enter)]
    [InlineData(ReentryPolicy.AfterExit, 7.0, "8:false", EntryDecision.Enter)]
    [InlineData(ReentryPolicy.AfterExit, 7.0, "6:true", EntryDecision.AlreadyActive)]
    [InlineData(ReentryPolicy.AfterExit, 7.0, "30:false,2:false", EntryDecision.CoolingDown)]
    [InlineData(ReentryPolicy.Always, null, "0:true", EntryDecision.Enter)]
    [InlineData(ReentryPolicy.Always, 1.0, "0.5:true", EntryDecision.CoolingDown)]
    [InlineData(ReentryPolicy.Always, 1.0, "2:true", EntryDecision.Enter)]
    public void Decide_MatchingTouchpoint_FollowsReentryAndCooldown(ReentryPolicy reentry, double? cooldownDays, string prior, EntryDecision expected)
    {
        var definition = Journey(reentry, cooldownDays is { } d ? TimeSpan.FromDays(d) : null);
        var now = Clock.Day(100);

        var decision = EntryRules.Decide(definition, Touchpoints.Of("invoice.issued", now, """{"amount":5}"""), Prior(prior, now), now);

        Assert.Equal(expected, decision);
    }

    [Theory]
    [InlineData("invoice.issued", """{"amount":0}""")]
    [InlineData("invoice.issued", """{"amount":"5"}""")]
    [InlineData("invoice.issued", null)]
    [InlineData("invoice.paid", """{"amount":5}""")]
    [InlineData("Invoice.Issued", """{"amount":5}""")]
    public void Decide_TouchpointNotMatchingEntry_IsNotMatchedWhateverThePriorEntries(string type, string? data)
    {
        var definition = Journey(ReentryPolicy.Never, null);

        var decision = EntryRules.Decide(definition, Touchpoints.Of(type, Clock.T0, data), [new PriorEntry(Clock.T0, true)], Clock.T0);

        Assert.Equal(EntryDecision.NotMatched, decision);
    }

    [Fact]
    public void Matches_EntryConditionReadingTrigger_SeesTheTouchpointAsTrigger()
    {
        var definition = new JourneyBuilder()
            .EntersOn("signup", Cond.All(
                Cond.Field("trigger.data.country", ConditionOperator.Eq, "\"FR\""),
                Cond.Field("customer.id", ConditionOperator.Eq, "\"cust-1\""),
                Cond.Field("journey.id", ConditionOperator.Eq, "\"test-journey\"")))
            .End("end")
            .Build();

        Assert.True(EntryRules.Matches(definition, Touchpoints.Of("signup", Clock.T0, """{"country":"FR"}""")));
        Assert.False(EntryRules.Matches(definition, Touchpoints.Of("signup", Clock.T0, """{"country":"DE"}""")));
        Assert.False(EntryRules.Matches(definition, Touchpoints.Of("signup", Clock.T0, """{"country":"FR"}""", customerId: "cust-2")));
    }

    [Fact]
    public void Decide_PriorAsLazySequence_IsEnumeratedSafely()
    {
        var definition = Journey(ReentryPolicy.AfterExit, TimeSpan.FromDays(7));
        var now = Clock.Day(10);

        var decision = EntryRules.Decide(definition, Touchpoints.Of("invoice.issued", now, """{"amount":5}"""), Lazy(now), now);

        Assert.Equal(EntryDecision.CoolingDown, decision);

        static IEnumerable<PriorEntry> Lazy(DateTimeOffset now)
        {
            yield return new PriorEntry(now.AddDays(-30), false);
            yield return new PriorEntry(now.AddDays(-1), false);
        }
    }

    private static JourneyDefinition Journey(ReentryPolicy reentry, TimeSpan? cooldown) =>
        new JourneyBuilder("bill-payment")
            .EntersOn("invoice.issued", Cond.Field("event.data.amount", ConditionOperator.Gt, "0"), reentry, cooldown)
            .End("end")
            .Build();

    private static List<PriorEntry> Prior(string spec, DateTimeOffset now) =>
        [.. spec.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(entry =>
        {
            var parts = entry.Split(':');
            return new PriorEntry(now.AddDays(-double.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture)), bool.Parse(parts[1]));
        })];
}
