using System.Globalization;
using System.Text.Json;

namespace Orchestrator.Cli.Tracing;

/// <summary>How trace values read in text output.</summary>
internal static class TraceFormat
{
    public static string Time(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Enum values as the JSON output and the definition language spell them.</summary>
    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
