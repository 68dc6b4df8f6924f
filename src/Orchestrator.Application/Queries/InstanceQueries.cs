using System.Text.Json;
using Orchestrator.Application.Customers;
using Orchestrator.Application.Ports;
using Orchestrator.Application.Serialization;

namespace Orchestrator.Application.Queries;

/// <summary>What ops and channel apps read: instance status, a customer's journeys and timeline.</summary>
public sealed class InstanceQueries
{
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

        var state = record.State;
        IReadOnlyList<TimelineDecision>? history = null;
        if (showHistory)
        {
            var timeline = await _customers.ReadTimelineAsync(location.CustomerId, cancellationToken);
            history = [.. timeline.SelectMany(e => e.Decisions).Where(d => d.InstanceId == instanceId)];
        }

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
