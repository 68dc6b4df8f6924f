using System.Globalization;
using Orchestrator.Journeys.Conditions;
using Orchestrator.Journeys.Definitions;

namespace Orchestrator.Journeys.Parsing;

/// <summary>Reads <c>delay</c> steps: a fixed <c>duration</c>, an instant read from a field (<c>until</c>), or a local-time <c>window</c>.</summary>
internal static class DelayStepReader
{
    private const string DefaultTimeZone = "UTC";

    private static readonly string[] Modes = ["duration", "until", "window"];
    private static readonly string[] FieldRoots = ["event.", "trigger.", "vars."];

    private static readonly KeyValuePair<string, DayOfWeek>[] DayNames =
    [
        new("Mon", DayOfWeek.Monday),
        new("Tue", DayOfWeek.Tuesday),
        new("Wed", DayOfWeek.Wednesday),
        new("Thu", DayOfWeek.Thursday),
        new("Fri", DayOfWeek.Friday),
        new("Sat", DayOfWeek.Saturday),
        new("Sun", DayOfWeek.Sunday),
    ];

    /// <summary>Reads a delay step.</summary>
    /// <param name="id">The step id.</param>
    /// <param name="step">The step object.</param>
    /// <returns>The step, or null when <c>next</c> could not be read.</returns>
    public static DelayStep? Read(string id, JsonObjectReader step)
    {
        var modes = Modes.Where(step.Has).ToArray();
        if (modes.Length != 1)
        {
            var message = modes.Length == 0
                ? "a delay needs one of 'duration', 'until' or 'window'"
                : $"a delay has exactly one of 'duration', 'until' or 'window'; this one has {string.Join(" and ", modes.Select(m => $"'{m}'"))}";
            step.Errors.Add(new DefinitionError(step.Pointer, message));
        }

        // Every mode present is still read, so its own mistakes are reported alongside.
        var duration = step.OptionalDuration("duration", allowZero: true);
        var until = ReadUntil(step);
        var window = step.Has("window") ? ReadWindow(step) : null;
        foreach (var windowOnly in new[] { "days", "timeZone" })
        {
            if (!step.Has("window") && step.TryGet(windowOnly, out _))
            {
                step.Errors.Add(new DefinitionError(step.PointerOf(windowOnly), $"'{windowOnly}' is only allowed with 'window'"));
            }
        }

        var next = step.RequiredText("next");
        return next is null ? null : new DelayStep(id, Target(duration, until, window), next);
    }

    // With none or several readable, the definition is refused (reported above); the step still takes part in the
    // graph checks, so it gets the first kind that was read, or a zero duration.
    private static DelayTarget Target(TimeSpan? duration, FieldPath? until, TimeWindow? window) => (duration, until, window) switch
    {
        ({ } fixedDuration, _, _) => new FixedDelay(fixedDuration),
        (_, { } field, _) => new InstantFromField(field),
        (_, _, { } opening) => new WindowOpening(opening),
        _ => new FixedDelay(TimeSpan.Zero),
    };

    private static FieldPath? ReadUntil(JsonObjectReader step)
    {
        if (step.OptionalString("until") is not { } text)
        {
            return null;
        }

        if (FieldPath.TryParse(text, out var path, out var error))
        {
            return path;
        }

        step.Errors.Add(new DefinitionError(step.PointerOf("until"), error));
        return null;
    }

    private static TimeWindow? ReadWindow(JsonObjectReader step)
    {
        var hours = ReadHours(step);
        var days = ReadDays(step);
        var (timeZone, timeZoneField) = ReadTimeZone(step);
        return hours is var (opens, closes) ? new TimeWindow(opens, closes, days, timeZone, timeZoneField) : null;
    }

    private static (TimeOnly Opens, TimeOnly Closes)? ReadHours(JsonObjectReader step)
    {
        if (step.OptionalString("window") is not { } text)
        {
            return null;
        }

        var parts = text.Split('-');
        if (parts.Length != 2 || !TryParseTime(parts[0], out var opens) || !TryParseTime(parts[1], out var closes))
        {
            step.Errors.Add(new DefinitionError(step.PointerOf("window"), $"'{text}' is not a window: use HH:mm-HH:mm, such as 09:00-18:00"));
            return null;
        }

        if (opens >= closes)
        {
            step.Errors.Add(new DefinitionError(step.PointerOf("window"), $"the window '{text}' must open before it closes, on the same day"));
            return null;
        }

        return (opens, closes);
    }

    private static bool TryParseTime(string text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    private static List<DayOfWeek> ReadDays(JsonObjectReader step)
    {
        var days = new List<DayOfWeek>();
        if (!step.TryGetArray("days", required: false, out var items))
        {
            return days;
        }

        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            var pointer = JsonPointer.Append(step.PointerOf("days"), index++);
            if (JsonValues.String(item, pointer, step.Errors, nonEmpty: false) is not { } name)
            {
                continue;
            }

            var match = DayNames.FirstOrDefault(d => d.Key == name);
            if (match.Key is null)
            {
                step.Errors.Add(new DefinitionError(pointer, $"'{name}' is not a day: use {string.Join(", ", DayNames.Select(d => d.Key))}"));
            }
            else if (days.Contains(match.Value))
            {
                step.Errors.Add(new DefinitionError(pointer, $"'{name}' is listed twice"));
            }
            else
            {
                days.Add(match.Value);
            }
        }

        return days;
    }

    private static (string? TimeZone, FieldPath? Field) ReadTimeZone(JsonObjectReader step)
    {
        if (step.OptionalString("timeZone") is not { } text)
        {
            return (DefaultTimeZone, null);
        }

        if (FieldRoots.Any(root => text.StartsWith(root, StringComparison.Ordinal)))
        {
            if (FieldPath.TryParse(text, out var path, out var error))
            {
                return (null, path);
            }

            step.Errors.Add(new DefinitionError(step.PointerOf("timeZone"), error));
            return (DefaultTimeZone, null);
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(text, out _))
        {
            step.Errors.Add(new DefinitionError(step.PointerOf("timeZone"), $"'{text}' is not a known time zone: use an IANA id such as Europe/Paris, or a field such as vars.timeZone"));
            return (DefaultTimeZone, null);
        }

        return (text, null);
    }
}
