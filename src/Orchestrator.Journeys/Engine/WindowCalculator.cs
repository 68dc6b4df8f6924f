using Orchestrator.Journeys.Definitions;

namespace Orchestrator.Journeys.Engine;

/// <summary>Finds when a daily local-time window is next open.</summary>
internal static class WindowCalculator
{
    /// <summary>
    /// <paramref name="now"/> when the window is open now, else the next instant it opens. A local
    /// opening time that does not exist (skipped by a daylight-saving change) moves forward an hour.
    /// </summary>
    public static DateTimeOffset NextOpening(TimeWindow window, TimeZoneInfo zone, DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var today = DateOnly.FromDateTime(local.DateTime);
        var timeOfDay = TimeOnly.FromDateTime(local.DateTime);

        // Eight days always reach an allowed weekday, whichever days the window names.
        for (var offset = 0; offset < 8; offset++)
        {
            var day = today.AddDays(offset);
            if (window.Days.Count > 0 && !window.Days.Contains(day.DayOfWeek))
            {
                continue;
            }

            if (offset == 0 && timeOfDay >= window.Opens && timeOfDay < window.Closes)
            {
                return now;
            }

            if (offset == 0 && timeOfDay >= window.Closes)
            {
                continue;
            }

            var opening = day.ToDateTime(window.Opens, DateTimeKind.Unspecified);
            if (zone.IsInvalidTime(opening))
            {
                opening = opening.AddHours(1);
            }

            return new DateTimeOffset(opening, zone.GetUtcOffset(opening)).ToUniversalTime();
        }

        return now;
    }

    /// <summary>Finds a zone by IANA or Windows id; UTC when the id is unknown.</summary>
    public static TimeZoneInfo ZoneOrUtc(string? id) =>
        id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
