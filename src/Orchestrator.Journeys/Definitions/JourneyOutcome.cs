using System.Text.Json.Serialization;
using Orchestrator.Journeys.Serialization;

namespace Orchestrator.Journeys.Definitions;

/// <summary>How an instance ended.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<JourneyOutcome>))]
public enum JourneyOutcome
{
    /// <summary>An <c>end</c> step said success, or the goal was reached.</summary>
    Success,

    /// <summary>An <c>end</c> step said failure, or the engine gave up on the instance.</summary>
    Failure,

    /// <summary>An <c>end</c> step said neither.</summary>
    Neutral,

    /// <summary>An exit criterion matched.</summary>
    Exited,

    /// <summary><c>maxDuration</c> elapsed.</summary>
    Expired,

    /// <summary>An operator stopped the instance or its version.</summary>
    Stopped,
}
