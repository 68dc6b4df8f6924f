using Microsoft.AspNetCore.Http.HttpResults;
using Orchestrator.Application.Definitions;
using Orchestrator.Http.Contracts;

namespace Orchestrator.Http.Handlers;

/// <summary>Version lifecycle: drain and stop.</summary>
public static partial class JourneyHandlers
{
    /// <summary>Drains a version: no new entries, running instances finish.</summary>
    /// <param name="id">The journey id.</param>
    /// <param name="version">The version.</param>
    /// <param name="lifecycle">The version lifecycle service.</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    /// <returns>202 with the new status; 404; 409 when the version's status does not allow it.</returns>
    public static async Task<Results<Accepted<VersionChanged>, ProblemHttpResult>> DrainAsync(
        string id,
        int version,
        VersionLifecycle lifecycle,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        return Answer(id, version, await lifecycle.DrainAsync(id, version, cancellationToken));
    }

    /// <summary>Stops a version: no new entries, every running instance ends with outcome <c>stopped</c>.</summary>
    /// <param name="id">The journey id.</param>
    /// <param name="version">The version.</param>
    /// <param name="lifecycle">The version lifecycle service.</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    /// <param name="stopRunning">
    /// Ends the stopped instances where a runtime runs them besides the customers' partitions (the Durable
    /// orchestrations of the Functions app); none in the standalone runtime.
    /// </param>
    /// <returns>202 with the new status and how many instances this request stopped; 404.</returns>
    public static async Task<Results<Accepted<VersionChanged>, ProblemHttpResult>> StopAsync(
        string id,
        int version,
        VersionLifecycle lifecycle,
        CancellationToken cancellationToken,
        Func<VersionChange, CancellationToken, Task>? stopRunning = null)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        var change = await lifecycle.StopAsync(id, version, cancellationToken);
        if (stopRunning is not null && change.StoppedInstances.Count > 0)
        {
            await stopRunning(change, cancellationToken);
        }

        return Answer(id, version, change);
    }

    private static Results<Accepted<VersionChanged>, ProblemHttpResult> Answer(string id, int version, VersionChange change) => change switch
    {
        { Kind: VersionChangeKind.Changed, Version: { } stored } => TypedResults.Accepted(
            HttpRoutes.JourneyVersion(id, version),
            new VersionChanged(id, version, stored.Status, change.Stopped)),
        { Kind: VersionChangeKind.NotAllowed } => Problems.Conflict(change.Refusal ?? $"Journey '{id}' v{version} cannot change so."),
        _ => Problems.NotFound($"Journey '{id}' has no version {version}."),
    };
}
