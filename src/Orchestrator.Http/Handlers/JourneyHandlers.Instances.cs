using Microsoft.AspNetCore.Http.HttpResults;
using Orchestrator.Application.Definitions;
using Orchestrator.Application.Queries;

namespace Orchestrator.Http.Handlers;

/// <summary>A version's running instances, by the step they are at: who is behind a figure on the journey map.</summary>
public static partial class JourneyHandlers
{
    /// <summary>Instances listed when the request gives no <c>top</c>.</summary>
    public const int DefaultInstancesTop = 100;

    /// <summary>Lists the running and suspended instances of a version, optionally at one step.</summary>
    /// <param name="id">The journey id.</param>
    /// <param name="version">The version.</param>
    /// <param name="step">Only instances at this step; every step when absent.</param>
    /// <param name="top">Most instances listed (1 to 1,000; 100 when absent).</param>
    /// <param name="definitions">The definition service, to tell an unknown version from an empty one.</param>
    /// <param name="queries">The instance queries.</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    /// <returns>200 with the instances, longest at their step first; 400 for a bad <c>top</c>; 404 for a version not deployed.</returns>
    public static async Task<Results<Ok<IReadOnlyList<StepOccupant>>, ProblemHttpResult>> ListActiveInstancesAsync(
        string id,
        int version,
        string? step,
        int? top,
        DefinitionService definitions,
        InstanceQueries queries,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        ArgumentNullException.ThrowIfNull(queries);
        var max = top ?? DefaultInstancesTop;
        if (max is < 1 or > 1000)
        {
            return TypedResults.Problem(detail: $"top must be between 1 and 1000, not {max}.", statusCode: StatusCodes.Status400BadRequest, title: "Bad query");
        }

        if (await definitions.GetVersionAsync(id, version, cancellationToken) is null)
        {
            return Problems.NotFound($"Journey '{id}' has no version {version}.");
        }

        return TypedResults.Ok(await queries.ListActiveInVersionAsync(id, version, string.IsNullOrEmpty(step) ? null : step, max, cancellationToken));
    }
}
