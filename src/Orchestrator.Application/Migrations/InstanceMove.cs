namespace Orchestrator.Application.Migrations;

/// <summary>What a migration did to one instance.</summary>
public enum InstanceMove
{
    /// <summary>Moved to the new version.</summary>
    Moved,

    /// <summary>At an unmapped step, ended with the unmapped rule's outcome.</summary>
    Ended,

    /// <summary>At an unmapped step and no unmapped rule: left on the old version.</summary>
    Blocked,

    /// <summary>Already on the new version: nothing done.</summary>
    AlreadyMoved,

    /// <summary>No longer running on the old version (ended, purged, or on another version): nothing done.</summary>
    Gone,
}
