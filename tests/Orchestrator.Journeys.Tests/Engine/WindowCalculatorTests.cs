using Orchestrator.Journeys.Definitions;
using Orchestrator.Journeys.Engine;
using Orchestrator.Journeys.Tests.Support;

namespace Orchestrator.Journeys.Tests.Engine;

public class WindowCalculatorTests
{
    private const string Weekdays = "Mon,Tue,Wed,Thu,Fri";

    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>Europe/Paris is UTC+1 until 29 March 2026 02:00 local, then UTC+2 until 25 October 03:00 local.</summary>
    [Theory]
    [InlineData("2026-03-02T09:00:00Z", "09:00", "18:00", Weekdays, "2026-03-02T09:00:00Z")] // Monday 10:00, open
    [InlineData("2026-03-02T08:00:00Z", "09:00", "18:00", Weekdays, "2026-03-02T08:00:00Z")] // exactly at opening
    [InlineData("2026-03-02T07:59:59Z", "09:00", "18:00", Weekdays, "2026-03-02T08:00:00Z")] // one second before
    [InlineData("2026-03-02T06:00:00Z", "09:00", "18:00", Weekdays, "2026-03-02T08:00:00Z")] // before, same day
    [InlineData("2026-03-02T17:00:00Z", "09:00", "18:00", Weekdays, "2026-03-03T08:00:00Z")] // at closing: closed
    [InlineData("2026-03-02T20:00:00Z", "09:00", "18:00", Weekdays, "2026-03-03T08:00:00Z")] // after, next day
    [InlineData("2026-03-06T18:00:00Z", "09:00", "18:00", Weekdays, "2026-03-09T08:00:00Z")] // Friday evening
    [InlineData("2026-03-07T09:00:00Z", "09:00", "18:00", Weekdays, "2026-03-09T08:00:00Z")] // Saturday
    [InlineData("2026-03-08T23:30:00Z", "09:00", "18:00", Weekdays, "2026-03-09T08:00:00Z")] // Sunday in UTC, Monday 00:30 in Paris
    [InlineData("2026-03-04T18:00:00Z", "09:00", "18:00", "Wed", "2026-03-11T08:00:00Z")] // only Wednesdays, after closing
    [InlineData("2026-03-07T06:00:00Z", "09:00", "18:00", "", "2026-03-07T08:00:00Z")] // no days: every day
    [InlineData("2026-03-28T12:00:00Z", "09:00", "18:00", Weekdays, "2026-03-30T07:00:00Z")] // across spring-forward: 09:00 is now UTC+2
    [InlineData("2026-03-28T23:00:00Z", "02:30", "04:00", "", "2026-03-29T01:30:00Z")] // 02:30 skipped: opens 03:30 UTC+2
    [InlineData("2026-10-24T20:00:00Z", "09:00", "18:00", "", "2026-10-25T08:00:00Z")] // across fall-back: 09:00 is UTC+1 again
    [InlineData("2026-10-24T22:00:00Z", "02:30", "04:00", "", "2026-10-25T01:30:00Z")] // 02:30 happens twice: the second, UTC+1
    [InlineData("2026-03-07T16:00:00Z", "09:00", "18:00", Weekdays, "2026-03-09T08:00:00Z")] // docs/language.md 5.2, first example
    [InlineData("2026-03-05T10:00:00Z", "09:00", "18:00", Weekdays, "2026-03-05T10:00:00Z")] // docs/language.md 5.2, second example
    public void NextOpening_EuropeParis_FollowsTheTable(string now, string opens, string closes, string days, string expected)
    {
        var window = Window(opens, closes, days);

        var opening = WindowCalculator.NextOpening(window, Paris, Clock.At(now));

        Assert.Equal(Clock.At(expected), opening);
    }

    [Theory]
    [InlineData("2026-03-02T20:00:00Z", "2026-03-03T09:00:00Z")]
    [InlineData("2026-03-02T12:00:00Z", "2026-03-02T12:00:00Z")]
    public void NextOpening_Utc_UsesUtcClockTimes(string now, string expected)
    {
        var opening = WindowCalculator.NextOpening(Window("09:00", "18:00", string.Empty), TimeZoneInfo.Utc, Clock.At(now));

        Assert.Equal(Clock.At(expected), opening);
    }

    [Theory]
    [InlineData("Europe/Paris", "Europe/Paris")]
    [InlineData("America/New_York", "America/New_York")]
    [InlineData("Not/AZone", "UTC")]
    [InlineData("", "UTC")]
    [InlineData(null, "UTC")]
    public void ZoneOrUtc_UnknownIds_FallBackToUtc(string? id, string expected)
    {
        var zone = WindowCalculator.ZoneOrUtc(id);

        Assert.Equal(expected == "UTC" ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(expected), zone);
    }

    private static TimeWindow Window(string opens, string closes, string days) =>
        new(
            TimeOnly.Parse(opens, System.Globalization.CultureInfo.InvariantCulture),
            TimeOnly.Parse(closes, System.Globalization.CultureInfo.InvariantCulture),
            [.. days.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Day)],
            null,
            null);

    private static DayOfWeek Day(string name) => Enum.GetValues<DayOfWeek>().Single(d => d.ToString().StartsWith(name, StringComparison.Ordinal));
}
