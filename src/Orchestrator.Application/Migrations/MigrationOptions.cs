namespace Orchestrator.Application.Migrations;

/// <summary>How fast migrations move instances.</summary>
public sealed record MigrationOptions
{
    /// <summary>Instances moved between two progress writes; a crash repeats at most one batch's checks, never a move.</summary>
    public int BatchSize { get; init; } = 100;

    /// <summary>
    /// A pause between batches, so a large migration leaves the storage account to the touchpoints it serves;
    /// none by default.
    /// </summary>
    public TimeSpan PauseBetweenBatches { get; init; } = TimeSpan.Zero;
}
