using Orchestrator.Application.Ports;

namespace Orchestrator.Storage;

/// <summary>
/// What both definition stores keep of a version's status: only an operator's mark (draining or stopped).
/// Active and superseded follow from which version is the latest, so a deploy never rewrites older versions.
/// </summary>
internal static class VersionStatusRules
{
    /// <summary>Refuses a status that only a deploy sets.</summary>
    /// <param name="status">The status to store.</param>
    public static void RequireMarkable(VersionStatus status)
    {
        if (status is not (VersionStatus.Draining or VersionStatus.Stopped))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "Only draining or stopped is stored; active and superseded follow from deploys.");
        }
    }

    /// <summary>Whether two statuses carry the same stored mark (active and superseded carry none).</summary>
    /// <param name="current">The status now.</param>
    /// <param name="expected">The status the caller read.</param>
    /// <returns>True when a compare-and-set should go ahead.</returns>
    public static bool SameMark(VersionStatus current, VersionStatus expected) => Mark(current) == Mark(expected);

    /// <summary>The stored mark of a status; null for active and superseded.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The mark.</returns>
    public static VersionStatus? Mark(VersionStatus status) =>
        status is VersionStatus.Draining or VersionStatus.Stopped ? status : null;
}
