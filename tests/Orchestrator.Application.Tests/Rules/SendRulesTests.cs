using Orchestrator.Application.Rules;

namespace Orchestrator.Application.Tests.Rules;

public sealed class SendRulesTests
{
    // A Monday, 10:00 UTC: outside every default quiet hours in UTC.
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly SendRulesOptions Options = new();

    private static SendRequest Request(string channel = "email", string journey = "cross-sell", string? category = "marketing", int priority = 10, string[]? suppress = null, string? timeZone = null) =>
        new(channel, journey, category, priority, suppress ?? [], timeZone);

    private static SentAction Sent(TimeSpan ago, string channel = "email", string journey = "other", string? category = "marketing", int priority = 10) =>
        new(Now - ago, channel, journey, category, priority);

    [Fact]
    public void Decide_NothingInTheWay_Sends()
    {
        var verdict = SendRules.Decide(Request(), [], [], Options, Now);

        Assert.Equal(SendVerdictKind.Send, verdict.Kind);
    }

    [Fact]
    public void Decide_SuppressingJourneyActive_Suppressed()
    {
        var verdict = SendRules.Decide(Request(suppress: ["support-case"]), ["support-case"], [], Options, Now);

        Assert.Equal(SendVerdictKind.Suppressed, verdict.Kind);
        Assert.Contains("support-case", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_OtherJourneyActive_NotSuppressed()
    {
        var verdict = SendRules.Decide(Request(suppress: ["support-case"]), ["bill-payment"], [], Options, Now);

        Assert.Equal(SendVerdictKind.Send, verdict.Kind);
    }

    [Theory]
    [InlineData(2, SendVerdictKind.Send)]
    [InlineData(3, SendVerdictKind.Capped)]
    [InlineData(5, SendVerdictKind.Capped)]
    public void Decide_MarketingSendsInTheLastWeek_CappedAtThree(int earlierSends, SendVerdictKind expected)
    {
        var history = Enumerable.Range(1, earlierSends).Select(d => Sent(TimeSpan.FromDays(d) - TimeSpan.FromHours(1), journey: "cross-sell")).ToArray();

        var verdict = SendRules.Decide(Request(), [], history, Options, Now);

        Assert.Equal(expected, verdict.Kind);
    }

    [Fact]
    public void Decide_OldSendsOutsideThePeriod_DoNotCount()
    {
        var history = Enumerable.Range(8, 5).Select(d => Sent(TimeSpan.FromDays(d), journey: "cross-sell")).ToArray();

        var verdict = SendRules.Decide(Request(), [], history, Options, Now);

        Assert.Equal(SendVerdictKind.Send, verdict.Kind);
    }

    [Fact]
    public void Decide_ServiceSendsAfterMarketingCapReached_NotCapped()
    {
        var history = Enumerable.Range(1, 3).Select(d => Sent(TimeSpan.FromDays(d), journey: "cross-sell")).ToArray();

        var verdict = SendRules.Decide(Request(journey: "bill-payment", category: "service"), [], history, Options, Now);

        Assert.Equal(SendVerdictKind.Send, verdict.Kind);
    }

    [Theory]
    [InlineData("sms", "UTC", 22, SendVerdictKind.Deferred)]
    [InlineData("sms", "UTC", 7, SendVerdictKind.Deferred)]
    [InlineData("sms", "UTC", 8, SendVerdictKind.Send)]
    [InlineData("sms", "UTC", 20, SendVerdictKind.Send)]
    [InlineData("email", "UTC", 23, SendVerdictKind.Send)]
    [InlineData("sms", "Asia/Tokyo", 13, SendVerdictKind.Deferred)]
    [InlineData("sms", "America/New_York", 3, SendVerdictKind.Deferred)]
    [InlineData("sms", "America/New_York", 13, SendVerdictKind.Send)]
    public void Decide_QuietHoursInCustomersZone_DefersOrSends(string channel, string zone, int utcHour, SendVerdictKind expected)
    {
        var now = new DateTimeOffset(2026, 3, 2, utcHour, 0, 0, TimeSpan.Zero);

        var verdict = SendRules.Decide(Request(channel: channel, timeZone: zone), [], [], Options, now);

        Assert.Equal(expected, verdict.Kind);
    }

    [Fact]
    public void Decide_SmsAtTenPmInParis_DeferredToEightAmParis()
    {
        var now = new DateTimeOffset(2026, 3, 2, 21, 0, 0, TimeSpan.Zero); // 22:00 in Paris (UTC+1)

        var verdict = SendRules.Decide(Request(channel: "sms", timeZone: "Europe/Paris"), [], [], Options, now);

        Assert.Equal(SendVerdictKind.Deferred, verdict.Kind);
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 7, 0, 0, TimeSpan.Zero), verdict.DeferUntil);
    }

    [Fact]
    public void Decide_UnknownTimeZone_UsesTheDefault()
    {
        var now = new DateTimeOffset(2026, 3, 2, 23, 0, 0, TimeSpan.Zero);

        var verdict = SendRules.Decide(Request(channel: "sms", timeZone: "Mars/Olympus"), [], [], Options, now);

        Assert.Equal(SendVerdictKind.Deferred, verdict.Kind);
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 8, 0, 0, TimeSpan.Zero), verdict.DeferUntil);
    }

    [Theory]
    [InlineData(100, 30, SendVerdictKind.LostPriority)]
    [InlineData(100, 90, SendVerdictKind.Send)]
    [InlineData(5, 30, SendVerdictKind.Send)]
    [InlineData(10, 30, SendVerdictKind.Send)]
    public void Decide_OtherJourneySentOnSameChannel_HigherPriorityWinsWithinWindow(int otherPriority, int minutesAgo, SendVerdictKind expected)
    {
        var history = new[] { Sent(TimeSpan.FromMinutes(minutesAgo), category: "service", priority: otherPriority) };

        var verdict = SendRules.Decide(Request(category: "service", priority: 10), [], history, Options, Now);

        Assert.Equal(expected, verdict.Kind);
    }

    [Fact]
    public void Decide_HigherPrioritySendOnAnotherChannel_DoesNotCollide()
    {
        var history = new[] { Sent(TimeSpan.FromMinutes(5), channel: "sms", category: "service", priority: 100) };

        var verdict = SendRules.Decide(Request(category: "service"), [], history, Options, Now);

        Assert.Equal(SendVerdictKind.Send, verdict.Kind);
    }

    [Fact]
    public void Prune_SendsOlderThanEveryRuleNeeds_AreDropped()
    {
        var history = new[] { Sent(TimeSpan.FromDays(8)), Sent(TimeSpan.FromDays(2)) };

        var pruned = SendRules.Prune(history, Options, Now);

        Assert.Equal([history[1]], pruned);
    }

    [Theory]
    [InlineData(21, 0, 8, 0, 22, 0, true)]
    [InlineData(21, 0, 8, 0, 7, 59, true)]
    [InlineData(21, 0, 8, 0, 8, 0, false)]
    [InlineData(21, 0, 8, 0, 20, 59, false)]
    [InlineData(12, 0, 14, 0, 13, 0, true)]
    [InlineData(12, 0, 14, 0, 14, 0, false)]
    public void QuietHours_Contains_HandlesMidnightCrossing(int sh, int sm, int eh, int em, int h, int m, bool expected)
    {
        var quiet = new QuietHours(new TimeOnly(sh, sm), new TimeOnly(eh, em));

        Assert.Equal(expected, quiet.Contains(new TimeOnly(h, m)));
    }
}
