namespace Orchestrator.Application.Ports;

/// <summary>
/// One migration of a journey's running instances from one version to another, with its progress: what a host
/// restart reads to continue it.
/// </summary>
/// <param name="Id">The migration id, unique within the journey.</param>
/// <param name="JourneyId">The journey.</param>
/// <param name="From">The version instances leave.</param>
/// <param name="To">The version they move to.</param>
/// <param name="Steps">Old step id → new step id.</param>
/// <param name="Unmapped">What happens to instances at a step the map does not name; null blocks them.</param>
/// <param name="CreatedAt">When it was asked for.</param>
public sealed record MigrationRecord(
    string Id,
    string JourneyId,
    int From,
    int To,
    IReadOnlyDictionary<string, string> Steps,
    UnmappedInstances? Unmapped,
    DateTimeOffset CreatedAt)
{
    /// <summary>Running, completed or failed.</summary>
    public MigrationState State { get; init; } = MigrationState.Running;

    /// <summary>Running instances on <see cref="From"/> when it started.</summary>
    public int Total { get; init; }

    /// <summary>Instances moved to <see cref="To"/>.</summary>
    public int Moved { get; init; }

    /// <summary>Instances at an unmapped step that were ended.</summary>
    public int Ended { get; init; }

    /// <summary>Instances at an unmapped step left on <see cref="From"/> (no <see cref="Unmapped"/> rule).</summary>
    public int Blocked { get; init; }

    /// <summary>Instances whose move failed; they stay on <see cref="From"/>.</summary>
    public int Failed { get; init; }

    /// <summary>The instances of the batch being moved: after a crash, they are checked again before anything else.</summary>
    public IReadOnlyList<string> InFlight { get; init; } = [];

    /// <summary>When its progress was last written.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The last failure, when some instance could not be moved.</summary>
    public string? Error { get; init; }

    /// <summary>The store's concurrency token of the version read; null before it is stored.</summary>
    public string? ETag { get; init; }
}
