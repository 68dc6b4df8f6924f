using System.Globalization;

namespace Orchestrator.Application.Analytics;

/// <summary>The time range figures are read over: [From, To).</summary>
/// <param name="From">Start.</param>
/// <param name="To">End, exclusive.</param>
public sealed record AnalyticsWindow(DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>The window's length.</summary>
    public TimeSpan Length => To - From;

    /// <summary>The window of the same length just before this one.</summary>
    public AnalyticsWindow Previous => new(From - Length, From);

    /// <summary>Reads a window: a length (<c>1h</c>, <c>24h</c>, <c>1d</c>, <c>7d</c>, <c>30d</c>) ending now, or from/to.</summary>
    /// <param name="window">The length, or null.</param>
    /// <param name="from">Start, when no length is given.</param>
    /// <param name="to">End, when no length is given; now when null.</param>
    /// <param name="now">Now.</param>
    /// <param name="result">The window.</param>
    /// <param name="error">Why the arguments are not a window.</param>
    /// <returns>Whether they are one.</returns>
    public static bool TryParse(string? window, DateTimeOffset? from, DateTimeOffset? to, DateTimeOffset now, out AnalyticsWindow? result, out string? error)
    {
        result = null;
        error = null;
        if (window is not null && (from is not null || to is not null))
        {
            error = "give either 'window' or 'from'/'to', not both";
            return false;
        }

        if (from is { } start)
        {
            var end = to ?? now;
            if (end <= start)
            {
                error = "'to' must be after 'from'";
                return false;
            }

            result = new AnalyticsWindow(start, end);
            return true;
        }

        var text = window ?? "7d";
        if (text.Length >= 2 && int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count is > 0 and <= 9_000)
        {
            TimeSpan? length = text[^1] switch
            {
                'h' => TimeSpan.FromHours(count),
                'd' => TimeSpan.FromDays(count),
                _ => null,
            };
            if (length is { } span)
            {
                result = new AnalyticsWindow(now - span, now);
                return true;
            }
        }

        error = $"'{text}' is not a window: use a number of hours or days such as 1h, 24h, 7d or 30d";
        return false;
    }
}
