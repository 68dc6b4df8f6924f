using System.Text.Json.Serialization;

namespace Orchestrator.Application.Instances;

/// <summary>
/// An instance's status in the Durable Functions vocabulary, so ops tools read the same names from the
/// standalone runtime and from Azure.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<InstanceRuntimeStatus>))]
public enum InstanceRuntimeStatus
{
    /// <summary>Accepted but not started yet.</summary>
    Pending,

    /// <summary>Waiting for a touchpoint or a timer.</summary>
    Running,

    /// <summary>Ended with an outcome.</summary>
    Completed,

    /// <summary>Failed with an error outside the journey's control.</summary>
    Failed,

    /// <summary>Ended by an operator.</summary>
    Terminated,

    /// <summary>Paused by an operator; touchpoints are kept until it resumes.</summary>
    Suspended,
}
