namespace Orchestrator.Application.Definitions;

/// <summary>How a version change ended.</summary>
public enum VersionChangeKind
{
    /// <summary>The version has the status asked for.</summary>
    Changed,

    /// <summary>No such version.</summary>
    NotFound,

    /// <summary>The version's status does not allow the change.</summary>
    NotAllowed,
}
