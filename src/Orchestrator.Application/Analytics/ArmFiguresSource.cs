using System.Collections.Concurrent;
using Orchestrator.Application.Ports;
using Orchestrator.Journeys.Analytics;
using Orchestrator.Journeys.Definitions;
using Orchestrator.Journeys.Engine;

namespace Orchestrator.Application.Analytics;

/// <summary>
/// The figures an <c>optimize</c> step learns from: each arm's ended instances and rewarded goals in its journey
/// version's total bucket, read from the analytics projection and kept for <see cref="AnalyticsOptions.ArmFiguresMaxAge"/>
/// per journey version, so a busy journey costs one read per few seconds, not one per touchpoint.
/// </summary>
/// <remarks>
/// A journey version without an optimize step never reads anything: its context carries no figures. The figures are
/// per version, so a new version starts cold (each arm as Beta(1, 1)) and learns on its own.
/// </remarks>
/// <param name="store">The analytics buckets.</param>
/// <param name="clock">Now, for the age of a cached read.</param>
/// <param name="options">How long a read is reused.</param>
public sealed class ArmFiguresSource(IAnalyticsStore store, TimeProvider clock, AnalyticsOptions options)
{
    private static readonly IReadOnlyDictionary<string, ArmFigures> None = new Dictionary<string, ArmFigures>(0, StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string JourneyId, int Version), (DateTimeOffset ReadAt, IReadOnlyDictionary<string, ArmFigures> Figures)> _cache = new();

    /// <summary>The figures of a version's optimize arms, read at most <see cref="AnalyticsOptions.ArmFiguresMaxAge"/> ago.</summary>
    /// <param name="definition">The journey version.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The figures keyed by <see cref="ArmFigures.Key"/>; empty for a version without optimize steps.</returns>
    public async ValueTask<IReadOnlyDictionary<string, ArmFigures>> GetAsync(JourneyDefinition definition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (!OptimizeFigures.Needed(definition))
        {
            return None;
        }

        var key = (definition.Id, definition.Version);
        var now = clock.GetUtcNow();
        if (_cache.TryGetValue(key, out var cached) && now - cached.ReadAt < options.ArmFiguresMaxAge)
        {
            return cached.Figures;
        }

        var counters = new AnalyticsCounters();
        foreach (var bucket in await store.ReadAsync(definition.Id, AnalyticsGrain.Total, DateTimeOffset.MinValue, DateTimeOffset.MaxValue, cancellationToken))
        {
            if (bucket.Version == definition.Version)
            {
                counters.Add(bucket.Counters);
            }
        }

        var figures = OptimizeFigures.From(definition, counters);
        _cache[key] = (now, figures);
        return figures;
    }
}
