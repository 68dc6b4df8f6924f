using System.Text.Json.Serialization;
using Orchestrator.Journeys.Serialization;

namespace Orchestrator.Journeys.Engine;

/// <summary>Why an instance is interested in an event type.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<AwaitPurpose>))]
public enum AwaitPurpose
{
    /// <summary>The current <c>waitFor</c> step takes it.</summary>
    Step,

    /// <summary>It is the journey's goal.</summary>
    Goal,

    /// <summary>It is one of the journey's exit criteria.</summary>
    Exit,
}
