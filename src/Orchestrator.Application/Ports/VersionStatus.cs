using System.Text.Json.Serialization;

namespace Orchestrator.Application.Ports;

/// <summary>Where a deployed journey version is in its lifecycle.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<VersionStatus>))]
public enum VersionStatus
{
    /// <summary>The latest version; it takes new entries.</summary>
    Active,

    /// <summary>No new entries; running instances finish.</summary>
    Draining,

    /// <summary>No new entries; running instances were ended with outcome <c>stopped</c>.</summary>
    Stopped,

    /// <summary>An older version after a newer deploy: no new entries, running instances continue.</summary>
    Superseded,
}
