using Orchestrator.Application.Instances;
using Orchestrator.Application.Ports;
using Orchestrator.Application.Processing;
using Orchestrator.Journeys.Engine;

namespace Orchestrator.Application.Definitions;

/// <summary>
/// What operators do to a deployed version: drain it (no new entries, running instances finish), stop it (no new
/// entries, running instances end with outcome <c>stopped</c>), and look at its instances.
/// </summary>
/// <remarks>
/// The status is written first, then the catalog of this process forgets its active set, so this process refuses new
/// entries at once; other processes follow within <see cref="ApplicationOptions.ActiveDefinitionsRefresh"/>. A stop
/// then applies <see cref="StopRequested"/> to each instance one by one through <see cref="CustomerProcessor"/>, so
/// every stop is an ordinary, per-customer-ordered commit; repeating a stop ends whatever is still running.
/// </remarks>
public sealed class VersionLifecycle
{
    /// <summary>Reads of instances in flight at once when counting a version's instances.</summary>
    private const int ReadsInFlight = 16;

    /// <summary>A status change racing with another is retried this many times.</summary>
    private const int MaxAttempts = 4;

    private readonly IDefinitionStore _store;
    private readonly DefinitionCatalog _catalog;
    private readonly IInstanceDirectory _directory;
    private readonly ICustomerStore _customers;
    private readonly CustomerProcessor _processor;

    /// <summary>Creates the service.</summary>
    /// <param name="store">Definition store.</param>
    /// <param name="catalog">Parsed-definition cache, told about status changes.</param>
    /// <param name="directory">Instance directory, to find a version's instances.</param>
    /// <param name="customers">Customer store, to read instances.</param>
    /// <param name="processor">Applies the stops.</param>
    public VersionLifecycle(IDefinitionStore store, DefinitionCatalog catalog, IInstanceDirectory directory, ICustomerStore customers, CustomerProcessor processor)
    {
        _store = store;
        _catalog = catalog;
        _directory = directory;
        _customers = customers;
        _processor = processor;
    }

    /// <summary>Drains a version: it takes no new entries, and its running instances finish.</summary>
    /// <param name="journeyId">The journey.</param>
    /// <param name="version">The version.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    /// <returns>What happened.</returns>
    public Task<VersionChange> DrainAsync(string journeyId, int version, CancellationToken cancellationToken) =>
        ChangeAsync(journeyId, version, VersionStatus.Draining, cancellationToken);

    /// <summary>Stops a version: it takes no new entries, and every running instance ends with outcome <c>stopped</c>.</summary>
    /// <param name="journeyId">The journey.</param>
    /// <param name="version">The version.</param>
    /// <param name="cancellationToken">Cancels the stop; instances already stopped stay stopped.</param>
    /// <returns>What happened, with how many instances this call stopped.</returns>
    public async Task<VersionChange> StopAsync(string journeyId, int version, CancellationToken cancellationToken)
    {
        var change = await ChangeAsync(journeyId, version, VersionStatus.Stopped, cancellationToken);
        if (change.Kind != VersionChangeKind.Changed)
        {
            return change;
        }

        var stopped = new List<string>();
        var stop = new StopRequested($"version {version} stopped");
        foreach (var location in await _directory.ListByVersionAsync(journeyId, version, cancellationToken))
        {
            var result = await _processor.ApplyToInstanceAsync(location.CustomerId, location.InstanceId, stop, OperatorCommand.Stop, cancellationToken);
            if (result.Status == ProcessStatus.Applied)
            {
                stopped.Add(location.InstanceId);
            }
        }

        return change with { Stopped = stopped.Count, StoppedInstances = stopped };
    }

    /// <summary>Reads a version with its status and its instances counted.</summary>
    /// <param name="journeyId">The journey.</param>
    /// <param name="version">The version.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The view, or null when the version does not exist.</returns>
    /// <remarks>Costs one directory query plus one point read per instance the version ever had.</remarks>
    public async Task<VersionView?> GetAsync(string journeyId, int version, CancellationToken cancellationToken)
    {
        if (await _store.GetAsync(journeyId, version, cancellationToken) is not { } stored)
        {
            return null;
        }

        var records = new List<InstanceRecord>();
        var locations = await _directory.ListByVersionAsync(journeyId, version, cancellationToken);
        foreach (var batch in locations.Chunk(ReadsInFlight))
        {
            var read = await Task.WhenAll(batch.Select(l => _customers.GetInstanceAsync(l.CustomerId, l.InstanceId, cancellationToken)));

            // A directory entry whose instance never committed has nothing to count.
            records.AddRange(read.OfType<InstanceRecord>());
        }

        var running = records.Where(r => r.IsActive).ToArray();
        var byStep = running
            .GroupBy(r => r.State.CurrentStep ?? string.Empty, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var completed = records.Count(r => r.RuntimeStatus == InstanceRuntimeStatus.Completed);
        return new VersionView(stored, new VersionInstances(running.Length, byStep, completed));
    }

    private async Task<VersionChange> ChangeAsync(string journeyId, int version, VersionStatus status, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await _store.GetAsync(journeyId, version, cancellationToken) is not { } current)
            {
                return new VersionChange(VersionChangeKind.NotFound, null, 0, null);
            }

            if (VersionTransitions.Refusal(current.Status, status) is { } refusal)
            {
                return new VersionChange(VersionChangeKind.NotAllowed, current, 0, $"Journey '{journeyId}' v{version} cannot be {Verb(status)}: {refusal}.");
            }

            try
            {
                var changed = current.Status == status
                    ? current
                    : await _store.SetStatusAsync(journeyId, version, current.Status, status, cancellationToken);
                _catalog.InvalidateActive();
                return changed is null
                    ? new VersionChange(VersionChangeKind.NotFound, null, 0, null)
                    : new VersionChange(VersionChangeKind.Changed, changed, 0, null);
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                // Another operator changed the status since it was read; decide again on the new one.
            }
        }
    }

    private static string Verb(VersionStatus status) => status == VersionStatus.Stopped ? "stopped" : "drained";
}
