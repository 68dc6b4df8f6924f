using Orchestrator.Journeys.Conditions;

namespace Orchestrator.Journeys.Definitions;

/// <summary>A daily local-time window, such as 09:00-18:00 on weekdays in Europe/Paris.</summary>
/// <param name="Opens">Local time the window opens (inclusive).</param>
/// <param name="Closes">Local time the window closes (exclusive); later than <paramref name="Opens"/>.</param>
/// <param name="Days">Days the window opens on; all days when empty.</param>
/// <param name="TimeZone">IANA or Windows time zone id, when fixed in the definition.</param>
/// <param name="TimeZoneField">Field holding the time zone id, when taken from the customer's data.</param>
public sealed record TimeWindow(
    TimeOnly Opens,
    TimeOnly Closes,
    IReadOnlyList<DayOfWeek> Days,
    string? TimeZone,
    FieldPath? TimeZoneField);
