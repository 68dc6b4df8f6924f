namespace Orchestrator.Application.Ports;

/// <summary>Which directory entries to list, and from where.</summary>
/// <param name="InstanceIdPrefix">Only ids starting with this (ordinal); all when null or empty.</param>
/// <param name="CreatedFrom">Only instances created at or after this, when given.</param>
/// <param name="CreatedTo">Only instances created at or before this, when given.</param>
/// <param name="PageSize">Most entries in the page (1 to 1,000).</param>
/// <param name="ContinuationToken">The token a previous page returned; null for the first page.</param>
public sealed record InstanceDirectoryQuery(
    string? InstanceIdPrefix,
    DateTimeOffset? CreatedFrom,
    DateTimeOffset? CreatedTo,
    int PageSize,
    string? ContinuationToken)
{
    /// <summary>Largest page: the most entities one Table query page returns.</summary>
    public const int MaxPageSize = 1000;
}
