using System.Text.Json.Serialization;
using Orchestrator.Journeys.Serialization;

namespace Orchestrator.Journeys.Engine;

/// <summary>What a running instance's current step waits for.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<WaitKind>))]
public enum WaitKind
{
    /// <summary>Nothing: the instance has ended.</summary>
    None,

    /// <summary>A <c>delay</c> step: time only (goal and exit still apply).</summary>
    Time,

    /// <summary>A <c>waitFor</c> step: one of its events, or its timeout.</summary>
    Events,
}
