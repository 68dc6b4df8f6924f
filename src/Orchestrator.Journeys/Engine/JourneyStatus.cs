using System.Text.Json.Serialization;
using Orchestrator.Journeys.Serialization;

namespace Orchestrator.Journeys.Engine;

/// <summary>Whether an instance still runs.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<JourneyStatus>))]
public enum JourneyStatus
{
    /// <summary>Waiting for a touchpoint or a timer.</summary>
    Running,

    /// <summary>Ended; <see cref="JourneyState.Outcome"/> says how.</summary>
    Completed,
}
