namespace Orchestrator.Journeys.Tests.Support;

/// <summary>Fixed instants used across tests. No test reads the real clock.</summary>
internal static class Clock
{
    /// <summary>Monday 2 March 2026, 09:00 UTC: the instant most test instances start at.</summary>
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    /// <summary><see cref="T0"/> plus some days.</summary>
    public static DateTimeOffset Day(double days) => T0.AddDays(days);

    /// <summary>Parses an ISO 8601 instant.</summary>
    public static DateTimeOffset At(string iso) =>
        DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
}
