namespace Orchestrator.Application.Operations;

/// <summary>What a purge did.</summary>
public enum PurgeStatus
{
    /// <summary>The instance and its directory entry were removed.</summary>
    Purged,

    /// <summary>No such instance.</summary>
    NotFound,

    /// <summary>The instance is running or suspended: terminate it first, so the customer's entry counts stay right.</summary>
    Active,
}
