using Orchestrator.Application.Ports;

namespace Orchestrator.Application.Definitions;

/// <summary>Which operator changes a version's status allows; a pure function of the status now and the one asked for.</summary>
public static class VersionTransitions
{
    /// <summary>Decides whether a version may move to <paramref name="requested"/>.</summary>
    /// <param name="current">The version's status now.</param>
    /// <param name="requested">Draining or stopped.</param>
    /// <returns>Null when allowed (repeating a change is allowed, so retries are safe); otherwise why not.</returns>
    public static string? Refusal(VersionStatus current, VersionStatus requested) => (current, requested) switch
    {
        (VersionStatus.Active or VersionStatus.Draining, VersionStatus.Draining) => null,
        (VersionStatus.Stopped, VersionStatus.Draining) => "it is stopped; a stopped version has no instances left to drain",
        (VersionStatus.Superseded, VersionStatus.Draining) => "it is superseded, so it takes no new entries already; stop it to end its running instances",
        (_, VersionStatus.Stopped) => null,
        _ => throw new ArgumentOutOfRangeException(nameof(requested), requested, "Only draining or stopping is asked for."),
    };
}
