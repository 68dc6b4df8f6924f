using System.Text.Json;
using Orchestrator.Application.Customers;
using Orchestrator.Application.Instances;
using Orchestrator.Application.Ports;
using Orchestrator.Application.Serialization;

namespace Orchestrator.Application.Queries;

/// <summary>What ops and channel apps read: instance status, a customer's journeys and timeline.</summary>
public sealed class InstanceQueries
{
    /// <summary>Reads of instances in flight at once when listing a version's instances.</summary>
    private const int ReadsInFlight = 16;

    private readonly ICustomerStore _customers;
    private readonly IInstanceDirectory _directory;

    /// <summary>Creates the queries.</summary>
    /// <param name="customers">Customer store.</param>
    /// <param name="directory">Instance directory.</param>
    public InstanceQueries(ICustomerStore customers, IInstanceDirectory directory)
    {
        _customers = customers;
        _directory = directory;
    }

    /// <summary>Reads an instance's status, Durable-style.</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="showHistory">Whether to add the decision history.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The status, or null when no such instance exists.</returns>
    public async Task<InstanceStatus?> GetStatusAsync(string instanceId, bool showHistory, CancellationToken cancellationToken)
    {
        var location = await _directory.FindAsync(instanceId, cancellationToken);
        if (location is null)
        {
            return null;
        }

        var record = await _customers.GetInstanceAsync(location.CustomerId, instanceId, cancellationToken);
        if (record is null)
        {
            return null;
        }

        IReadOnlyList<TimelineDecision>? history = null;
        if (showHistory)
        {
            var timeline = await _customers.ReadTimelineAsync(location.CustomerId, cancellationToken);
            history = [.. timeline.SelectMany(e => e.Decisions).Where(d => d.InstanceId == instanceId)];
        }

        return ToStatus(record, history);
    }

    /// <summary>
    /// Lists instances Durable-style (<c>GET /runtime/webhooks/durabletask/instances</c>): one page of the
    /// instance directory, then each listed instance read from its customer's partition and filtered by status.
    /// </summary>
    /// <param name="query">Prefix, created-time range, page size and continuation token, applied to the directory.</param>
    /// <param name="runtimeStatuses">Statuses to keep; every status when empty.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The page, in instance-id order, and the token of the next one.</returns>
    /// <remarks>
    /// Costs one directory query plus one point read per listed entry (at most the page size), run in parallel.
    /// The directory holds no status, which would otherwise have to be written on every change beside the
    /// customer's one-transaction commit; so the status filter is applied after the reads, and a page may hold
    /// fewer instances than the page size (even none) while a continuation token says more may follow.
    /// </remarks>
    public async Task<InstancePage> ListAsync(
        InstanceDirectoryQuery query,
        IReadOnlyCollection<InstanceRuntimeStatus> runtimeStatuses,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(runtimeStatuses);
        var page = await _directory.QueryAsync(query, cancellationToken);
        var records = await Task.WhenAll(page.Locations.Select(l => _customers.GetInstanceAsync(l.CustomerId, l.InstanceId, cancellationToken)));
        var statuses = records
            .OfType<InstanceRecord>()
            .Where(r => runtimeStatuses.Count == 0 || runtimeStatuses.Contains(r.RuntimeStatus))
            .Select(r => ToStatus(r, history: null))
            .ToArray();
        return new InstancePage(statuses, page.ContinuationToken);
    }

    private static InstanceStatus ToStatus(InstanceRecord record, IReadOnlyList<TimelineDecision>? history)
    {
        var state = record.State;
        return new InstanceStatus(
            state.JourneyId,
            state.InstanceId,
            record.RuntimeStatus,
            JsonSerializer.SerializeToElement(state.Trigger, ApplicationJsonContext.Default.Touchpoint),
            InstanceCustomStatus.From(state),
            state.Outcome is { } outcome ? new InstanceOutput(outcome, state.Reason) : null,
            state.StartedAt,
            state.UpdatedAt,
            history);
    }

    /// <summary>Lists the running and suspended instances of one journey version, optionally only those at one step.</summary>
    /// <param name="journeyId">The journey.</param>
    /// <param name="version">The version.</param>
    /// <param name="step">Only instances at this step; every step when null.</param>
    /// <param name="top">Most instances listed.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The instances, the longest at their step first.</returns>
    /// <remarks>
    /// Costs one directory query plus one point read per instance the version ever had (in batches), as counting a
    /// version does: the directory holds no step, which would otherwise be written on every transition. An operator's
    /// view of one step, not something to run per touchpoint.
    /// </remarks>
    public async Task<IReadOnlyList<StepOccupant>> ListActiveInVersionAsync(
        string journeyId, int version, string? step, int top, CancellationToken cancellationToken)
    {
        var occupants = new List<StepOccupant>();
        var locations = await _directory.ListByVersionAsync(journeyId, version, cancellationToken);
        foreach (var batch in locations.Chunk(ReadsInFlight))
        {
            var records = await Task.WhenAll(batch.Select(l => _customers.GetInstanceAsync(l.CustomerId, l.InstanceId, cancellationToken)));
            occupants.AddRange(records
                .OfType<InstanceRecord>()
                .Where(r => r.IsActive && (step is null || string.Equals(r.State.CurrentStep, step, StringComparison.Ordinal)))
                .Select(r => new StepOccupant(
                    r.InstanceId,
                    r.State.CustomerId,
                    r.State.Version,
                    r.RuntimeStatus,
                    r.State.CurrentStep,
                    r.State.Trail?.StepEnteredAt,
                    r.State.StartedAt,
                    r.State.UpdatedAt)));
        }

        return [.. occupants
            .OrderBy(o => o.StepEnteredAt ?? o.LastUpdatedTime)
            .ThenBy(o => o.InstanceId, StringComparer.Ordinal)
            .Take(top)];
    }

    /// <summary>Lists a customer's instances, oldest first.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The instances.</returns>
    public async Task<IReadOnlyList<CustomerJourney>> ListCustomerJourneysAsync(string customerId, CancellationToken cancellationToken)
    {
        var records = await _customers.ListInstancesAsync(customerId, cancellationToken);
        return [.. records.Select(r => new CustomerJourney(
            r.InstanceId, r.State.JourneyId, r.State.Version, r.RuntimeStatus, r.State.CurrentStep, r.State.Outcome, r.State.StartedAt, r.State.UpdatedAt))];
    }

    /// <summary>Reads a customer's timeline: touchpoints, decisions with the values that chose them, and actions.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Entries, oldest first.</returns>
    public Task<IReadOnlyList<TimelineEntry>> GetTimelineAsync(string customerId, CancellationToken cancellationToken) =>
        _customers.ReadTimelineAsync(customerId, cancellationToken);
}
