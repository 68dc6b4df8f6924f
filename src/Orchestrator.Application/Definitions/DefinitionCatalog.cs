using System.Collections.Concurrent;
using Orchestrator.Application.Ports;
using Orchestrator.Journeys.Definitions;
using Orchestrator.Journeys.Parsing;

namespace Orchestrator.Application.Definitions;

/// <summary>
/// Parsed journey definitions, cached. Versions are immutable, so a parsed version is kept for the life
/// of the process; the set of active versions is re-read after <see cref="ApplicationOptions.ActiveDefinitionsRefresh"/>
/// or at once after a deployment through this process.
/// </summary>
public sealed class DefinitionCatalog : IDisposable
{
    private readonly IDefinitionStore _store;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _refresh;
    private readonly ConcurrentDictionary<(string, int), JourneyDefinition> _versions = new();
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private volatile ActiveSet? _active;

    /// <summary>Creates the catalog.</summary>
    /// <param name="store">Where definitions are stored.</param>
    /// <param name="clock">The clock, for the refresh interval.</param>
    /// <param name="options">Application options.</param>
    public DefinitionCatalog(IDefinitionStore store, TimeProvider clock, ApplicationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _clock = clock;
        _refresh = options.ActiveDefinitionsRefresh;
    }

    /// <summary>Gets a parsed version; null when it does not exist.</summary>
    /// <param name="journeyId">The journey.</param>
    /// <param name="version">The version.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The definition.</returns>
    public async Task<JourneyDefinition?> GetAsync(string journeyId, int version, CancellationToken cancellationToken)
    {
        if (_versions.TryGetValue((journeyId, version), out var cached))
        {
            return cached;
        }

        var stored = await _store.GetAsync(journeyId, version, cancellationToken);
        return stored is null ? null : Remember(stored);
    }

    /// <summary>Gets the version of every journey that takes new entries: the latest, unless it is draining or stopped.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Active definitions.</returns>
    public async Task<IReadOnlyList<JourneyDefinition>> GetActiveAsync(CancellationToken cancellationToken)
    {
        var current = _active;
        if (current is not null && _clock.GetUtcNow() < current.ReadAt + _refresh)
        {
            return current.Definitions;
        }

        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            current = _active;
            if (current is not null && _clock.GetUtcNow() < current.ReadAt + _refresh)
            {
                return current.Definitions;
            }

            var readAt = _clock.GetUtcNow();
            var stored = await _store.ListActiveAsync(cancellationToken);
            var definitions = stored.Where(d => d.TakesEntries).Select(Remember).OrderBy(d => d.Id, StringComparer.Ordinal).ToArray();
            _active = new ActiveSet(definitions, readAt);
            return definitions;
        }
        finally
        {
            _refreshing.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _refreshing.Dispose();

    /// <summary>Forgets the active set, so the next read sees a deployment or status change made just now.</summary>
    public void InvalidateActive() => _active = null;

    private JourneyDefinition Remember(StoredDefinition stored) =>
        _versions.GetOrAdd((stored.JourneyId, stored.Version), _ =>
        {
            var result = JourneyDefinitionReader.Read(stored.Json);
            if (!result.IsValid)
            {
                // Only validated documents are ever stored, so this is a corrupted store, not bad input.
                throw new InvalidOperationException(
                    $"Stored definition {stored.JourneyId} v{stored.Version} is invalid: {string.Join("; ", result.Errors)}");
            }

            return result.Definition with { Version = stored.Version };
        });

    private sealed record ActiveSet(IReadOnlyList<JourneyDefinition> Definitions, DateTimeOffset ReadAt);
}
