using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orchestrator.Journeys.Serialization;

/// <summary>
/// Writes an enum as its camel-case name (<c>stepEntered</c>, <c>success</c>), the spelling the
/// definition language uses. A named type because source-generated contexts need parameterless converters.
/// </summary>
/// <typeparam name="TEnum">The enum.</typeparam>
public sealed class CamelCaseEnumConverter<TEnum> : JsonStringEnumConverter<TEnum>
    where TEnum : struct, Enum
{
    /// <summary>Creates the converter.</summary>
    public CamelCaseEnumConverter()
        : base(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    {
    }
}
