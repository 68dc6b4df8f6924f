using Orchestrator.Application.Analytics;

namespace Orchestrator.Application.Ports;

/// <summary>
/// Pre-aggregated analytics buckets per journey × version × hour, day and total, and the marks of the records folded
/// into them. Reading a journey's figures reads buckets only, never instances.
/// </summary>
public interface IAnalyticsStore
{
    /// <summary>
    /// Adds records' parts of one journey to the hour, day and total buckets of their versions, each part at most
    /// once ever: a part folded before (by this process or another) is skipped. Atomic per write; a lost race reloads.
    /// </summary>
    /// <param name="journeyId">The journey.</param>
    /// <param name="folds">The parts.</param>
    /// <param name="cancellationToken">Cancels the fold.</param>
    /// <returns>How many parts were added (the rest had been folded before).</returns>
    Task<int> FoldAsync(string journeyId, IReadOnlyList<AnalyticsFold> folds, CancellationToken cancellationToken);

    /// <summary>Reads the buckets of one grain whose span starts in [earliest, before), every version.</summary>
    /// <param name="journeyId">The journey.</param>
    /// <param name="grain">The grain; <see cref="AnalyticsGrain.Total"/> ignores the range.</param>
    /// <param name="earliest">Earliest start.</param>
    /// <param name="before">Latest start, exclusive.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The buckets.</returns>
    Task<IReadOnlyList<AnalyticsBucket>> ReadAsync(string journeyId, AnalyticsGrain grain, DateTimeOffset earliest, DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>Deletes hour buckets, day buckets and fold marks older than the given instants.</summary>
    /// <param name="journeyId">The journey.</param>
    /// <param name="hoursBefore">Hour buckets starting before this go (their day buckets hold the same counts).</param>
    /// <param name="daysBefore">Day buckets starting before this go (retention).</param>
    /// <param name="marksBefore">Fold marks of records committed before this go.</param>
    /// <param name="cancellationToken">Cancels the deletes.</param>
    /// <returns>A task that completes when they are gone.</returns>
    Task PruneAsync(string journeyId, DateTimeOffset hoursBefore, DateTimeOffset daysBefore, DateTimeOffset marksBefore, CancellationToken cancellationToken);
}
