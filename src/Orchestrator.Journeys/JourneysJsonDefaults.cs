using System.Text.Json.Serialization.Metadata;
using Orchestrator.Journeys.Serialization;

namespace Orchestrator.Journeys;

/// <summary>Type infos used where the library serializes small values itself.</summary>
internal static class JourneysJsonDefaults
{
    public static JsonTypeInfo<string> StringInfo => JourneyJsonContext.Default.String;
}
