using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Orchestrator.Journeys.Parsing;

/// <summary>
/// Reads and writes the ISO 8601 durations journey definitions use: <c>P[nW][nD][T[nH][nM][n[.f]S]]</c>,
/// such as <c>P3D</c>, <c>PT12H</c> or <c>P1DT30M</c>.
/// </summary>
/// <remarks>
/// Years and months are rejected because they have no fixed length: a definition must mean the same
/// wait whenever it is replayed. Only seconds may carry a fraction, of at most seven digits (one tick).
/// </remarks>
public static class Iso8601Duration
{
    /// <summary>The message given for durations written in years or months.</summary>
    public const string YearsAndMonthsMessage = "years and months have no fixed length; use days (P30D)";

    private const int MaxDigits = 18;
    private const int MaxFractionDigits = 7;

    // Designators in the order ISO 8601 requires them, with their length in ticks.
    private static readonly (char Designator, long Ticks)[] DateUnits = [('W', TimeSpan.TicksPerDay * 7), ('D', TimeSpan.TicksPerDay)];
    private static readonly (char Designator, long Ticks)[] TimeUnits = [('H', TimeSpan.TicksPerHour), ('M', TimeSpan.TicksPerMinute), ('S', TimeSpan.TicksPerSecond)];

    /// <summary>Parses a duration.</summary>
    /// <param name="text">The duration as written.</param>
    /// <param name="duration">The parsed duration (zero or more).</param>
    /// <returns>Whether <paramref name="text"/> is a valid duration.</returns>
    public static bool TryParse(string text, out TimeSpan duration) => TryParse(text, out duration, out _);

    /// <summary>Parses a duration, or says why it is not one.</summary>
    /// <param name="text">The duration as written.</param>
    /// <param name="duration">The parsed duration (zero or more).</param>
    /// <param name="error">Why <paramref name="text"/> is not a duration.</param>
    /// <returns>Whether <paramref name="text"/> is a valid duration.</returns>
    public static bool TryParse(string text, out TimeSpan duration, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        duration = TimeSpan.Zero;
        var timeAt = text.IndexOf('T', StringComparison.Ordinal);
        var datePart = timeAt < 0 ? text : text[..timeAt];
        if (HasYearsOrMonths(datePart))
        {
            error = YearsAndMonthsMessage;
            return false;
        }

        error = $"'{text}' is not an ISO 8601 duration: use weeks, days, hours, minutes and seconds, such as P3D, PT12H or P1DT30M";
        if (text.Length < 2 || text[0] != 'P' || timeAt == text.Length - 1)
        {
            return false;
        }

        Int128 ticks = 0;
        var components = 0;
        if (!TryReadComponents(datePart.AsSpan(1), DateUnits, allowFraction: false, ref ticks, ref components))
        {
            return false;
        }

        if (timeAt >= 0 && !TryReadComponents(text.AsSpan(timeAt + 1), TimeUnits, allowFraction: true, ref ticks, ref components))
        {
            return false;
        }

        if (components == 0)
        {
            return false;
        }

        if (ticks > TimeSpan.MaxValue.Ticks)
        {
            error = $"'{text}' is longer than any journey can run";
            return false;
        }

        duration = TimeSpan.FromTicks((long)ticks);
        error = null;
        return true;
    }

    /// <summary>Writes a duration in its shortest form, in days, hours, minutes and seconds.</summary>
    /// <param name="duration">A duration of zero or more.</param>
    /// <returns>The ISO 8601 text, such as <c>P1DT12H</c> or <c>PT0S</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is negative.</exception>
    public static string Format(TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        if (duration == TimeSpan.Zero)
        {
            return "PT0S";
        }

        var builder = new StringBuilder("P");
        if (duration.Days > 0)
        {
            builder.Append(CultureInfo.InvariantCulture, $"{duration.Days}D");
        }

        var fraction = duration.Ticks % TimeSpan.TicksPerSecond;
        if (duration.Hours == 0 && duration.Minutes == 0 && duration.Seconds == 0 && fraction == 0)
        {
            return builder.ToString();
        }

        builder.Append('T');
        if (duration.Hours > 0)
        {
            builder.Append(CultureInfo.InvariantCulture, $"{duration.Hours}H");
        }

        if (duration.Minutes > 0)
        {
            builder.Append(CultureInfo.InvariantCulture, $"{duration.Minutes}M");
        }

        if (duration.Seconds > 0 || fraction > 0)
        {
            builder.Append(CultureInfo.InvariantCulture, $"{duration.Seconds}");
            if (fraction > 0)
            {
                builder.Append('.').Append(fraction.ToString("D7", CultureInfo.InvariantCulture).TrimEnd('0'));
            }

            builder.Append('S');
        }

        return builder.ToString();
    }

    private static bool HasYearsOrMonths(string datePart)
    {
        for (var i = 1; i < datePart.Length; i++)
        {
            if (datePart[i] is 'Y' or 'M' && char.IsAsciiDigit(datePart[i - 1]))
            {
                return datePart[0] == 'P';
            }
        }

        return false;
    }

    private static bool TryReadComponents(
        ReadOnlySpan<char> text,
        (char Designator, long Ticks)[] units,
        bool allowFraction,
        ref Int128 ticks,
        ref int components)
    {
        var nextUnit = 0;
        while (!text.IsEmpty)
        {
            var digits = 0;
            while (digits < text.Length && char.IsAsciiDigit(text[digits]))
            {
                digits++;
            }

            if (digits == 0 || digits > MaxDigits)
            {
                return false;
            }

            var whole = long.Parse(text[..digits], NumberStyles.None, CultureInfo.InvariantCulture);
            text = text[digits..];
            var fractionDigits = ReadOnlySpan<char>.Empty;
            if (!text.IsEmpty && text[0] is '.' or ',')
            {
                var length = 1;
                while (length < text.Length && char.IsAsciiDigit(text[length]))
                {
                    length++;
                }

                fractionDigits = text[1..length];
                text = text[length..];
                if (fractionDigits.IsEmpty || fractionDigits.Length > MaxFractionDigits)
                {
                    return false;
                }
            }

            // Designators must come in order, each at most once, so "PT1S1H" and "P1D1D" are rejected.
            var unit = text.IsEmpty ? -1 : IndexOfUnit(units, nextUnit, text[0]);
            if (unit < 0 || (!fractionDigits.IsEmpty && (!allowFraction || units[unit].Designator != 'S')))
            {
                return false;
            }

            ticks += (Int128)whole * units[unit].Ticks;
            if (!fractionDigits.IsEmpty)
            {
                var scaled = long.Parse(fractionDigits, NumberStyles.None, CultureInfo.InvariantCulture);
                for (var i = fractionDigits.Length; i < MaxFractionDigits; i++)
                {
                    scaled *= 10;
                }

                ticks += scaled;
            }

            components++;
            nextUnit = unit + 1;
            text = text[1..];
        }

        return true;
    }

    private static int IndexOfUnit((char Designator, long Ticks)[] units, int from, char designator)
    {
        for (var i = from; i < units.Length; i++)
        {
            if (units[i].Designator == designator)
            {
                return i;
            }
        }

        return -1;
    }
}
