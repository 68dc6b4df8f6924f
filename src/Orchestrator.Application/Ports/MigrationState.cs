using System.Text.Json.Serialization;

namespace Orchestrator.Application.Ports;

/// <summary>Where a migration stands.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MigrationState>))]
public enum MigrationState
{
    /// <summary>Moving instances, batch by batch; a host restart continues it.</summary>
    Running,

    /// <summary>Every instance it found was moved, ended, blocked or had left the version by itself.</summary>
    Completed,

    /// <summary>It finished, but some instances could not be moved (see <see cref="MigrationRecord.Failed"/> and its error).</summary>
    Failed,
}
