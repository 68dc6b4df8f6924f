using System.ComponentModel;

namespace Orchestrator.Application.Rules;

/// <summary>Local hours during which a channel must not reach the customer, such as 21:00-08:00 for SMS.</summary>
/// <param name="Starts">Local time quiet hours start (inclusive).</param>
/// <param name="Ends">Local time they end (exclusive); earlier than <paramref name="Starts"/> when they cross midnight.</param>
[TypeConverter(typeof(QuietHoursConverter))]
public sealed record QuietHours(TimeOnly Starts, TimeOnly Ends)
{
    /// <summary>Whether a local time falls in quiet hours.</summary>
    /// <param name="local">Local time of day.</param>
    /// <returns>True when quiet.</returns>
    public bool Contains(TimeOnly local) => Starts <= Ends
        ? local >= Starts && local < Ends
        : local >= Starts || local < Ends;

    /// <summary>The first instant at or after <paramref name="now"/> outside quiet hours, in <paramref name="zone"/>.</summary>
    /// <param name="now">Current time.</param>
    /// <param name="zone">The customer's time zone.</param>
    /// <returns><paramref name="now"/> when not quiet, else when quiet hours end.</returns>
    public DateTimeOffset NextAllowed(DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (!Contains(time))
        {
            return now;
        }

        var day = DateOnly.FromDateTime(local.DateTime);
        if (Starts > Ends && time >= Starts)
        {
            day = day.AddDays(1);
        }

        var end = day.ToDateTime(Ends, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(end))
        {
            end = end.AddHours(1);
        }

        return new DateTimeOffset(end, zone.GetUtcOffset(end)).ToUniversalTime();
    }
}
