using System.ComponentModel;
using System.Globalization;

namespace Orchestrator.Application.Rules;

/// <summary>Reads quiet hours written as <c>21:00-08:00</c>, as configuration gives them.</summary>
public sealed class QuietHoursConverter : TypeConverter
{
    /// <inheritdoc />
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) =>
        sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    /// <inheritdoc />
    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value)
    {
        if (value is not string text)
        {
            return base.ConvertFrom(context, culture, value);
        }

        var parts = text.Split('-', 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !TimeOnly.TryParseExact(parts[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var starts)
            || !TimeOnly.TryParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var ends))
        {
            throw new FormatException($"Quiet hours '{text}' are not of the form HH:mm-HH:mm, such as 21:00-08:00.");
        }

        return new QuietHours(starts, ends);
    }
}
