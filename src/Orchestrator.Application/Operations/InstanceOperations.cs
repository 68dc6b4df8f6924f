using System.Globalization;
using System.Text.Json;
using Orchestrator.Application.Instances;
using Orchestrator.Application.Ports;
using Orchestrator.Application.Processing;
using Orchestrator.Journeys;
using Orchestrator.Journeys.Engine;

namespace Orchestrator.Application.Operations;

/// <summary>
/// Operators' commands on one instance, as the Durable Functions HTTP API offers them: terminate, suspend,
/// resume, raise an event, purge. Every change goes through <see cref="CustomerProcessor"/>'s run loop, so it is
/// one atomic commit under the customer's lock and retried on a lost write race like any touchpoint.
/// </summary>
/// <remarks>
/// A suspended instance keeps the touchpoints routed to it (<see cref="InstanceRecord.Buffered"/>) and its
/// wake-ups find nothing due; resume applies the buffer in order, then a wake-up when a deadline passed meanwhile.
/// </remarks>
public sealed class InstanceOperations
{
    /// <summary>Source of touchpoints raised by an operator.</summary>
    public const string RaisedEventSource = "ops";

    private readonly CustomerProcessor _processor;
    private readonly ICustomerStore _customers;
    private readonly IInstanceDirectory _directory;
    private readonly TimeProvider _clock;

    /// <summary>Creates the operations.</summary>
    /// <param name="processor">The run loop every change goes through.</param>
    /// <param name="customers">Customer store.</param>
    /// <param name="directory">Instance directory.</param>
    /// <param name="clock">Current time.</param>
    public InstanceOperations(CustomerProcessor processor, ICustomerStore customers, IInstanceDirectory directory, TimeProvider clock)
    {
        _processor = processor;
        _customers = customers;
        _directory = directory;
        _clock = clock;
    }

    /// <summary>Ends an instance with outcome <c>stopped</c> and runtime status Terminated.</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="reason">Why, recorded in the timeline.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>Accepted, NotFound or Gone.</returns>
    public Task<OperationStatus> TerminateAsync(string instanceId, string? reason, CancellationToken cancellationToken) =>
        RunAsync(instanceId, OperatorCommand.Terminate, touchpoint: null, async (work, record) =>
        {
            var definition = await _processor.RequireAsync(record, cancellationToken);
            var stopped = work.Advanced(record, definition, JourneyEngine.Apply(definition, record.State, new StopRequested(reason), work.Now, await _processor.ContextAsync(definition, work, cancellationToken)));
            work.Replaced(stopped with { RuntimeStatus = InstanceRuntimeStatus.Terminated, Buffered = [], Deferred = [] });
            work.Note($"{instanceId}: terminated by an operator{Because(reason)}");
            if (record.Buffered.Count > 0)
            {
                work.Note($"{instanceId}: {record.Buffered.Count} buffered touchpoint(s) not applied, as the instance was terminated");
            }
        }, cancellationToken);

    /// <summary>Suspends a running instance: its touchpoints are buffered and its wake-ups postponed until it resumes.</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="reason">Why, recorded in the timeline.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>Accepted (also when already suspended), NotFound or Gone.</returns>
    public Task<OperationStatus> SuspendAsync(string instanceId, string? reason, CancellationToken cancellationToken) =>
        RunAsync(instanceId, OperatorCommand.Suspend, touchpoint: null, (work, record) =>
        {
            if (record.RuntimeStatus == InstanceRuntimeStatus.Running)
            {
                work.Replaced(record with { RuntimeStatus = InstanceRuntimeStatus.Suspended });
                work.Note($"{instanceId}: suspended by an operator{Because(reason)}");
            }

            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>
    /// Resumes a suspended instance: applies its buffered touchpoints in order, then a wake-up when a deadline
    /// passed while it was suspended, all in one commit.
    /// </summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="reason">Why, recorded in the timeline.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>Accepted (also when not suspended), NotFound or Gone.</returns>
    public Task<OperationStatus> ResumeAsync(string instanceId, string? reason, CancellationToken cancellationToken) =>
        RunAsync(instanceId, OperatorCommand.Resume, touchpoint: null, async (work, record) =>
        {
            if (record.RuntimeStatus != InstanceRuntimeStatus.Suspended)
            {
                return;
            }

            work.Note($"{instanceId}: resumed by an operator{Because(reason)}");
            var definition = await _processor.RequireAsync(record, cancellationToken);
            var current = record with { RuntimeStatus = InstanceRuntimeStatus.Running, Buffered = [] };
            var applied = 0;
            foreach (var touchpoint in record.Buffered)
            {
                if (current.State.Status == JourneyStatus.Completed)
                {
                    break;
                }

                current = work.Advanced(current, definition, JourneyEngine.Apply(definition, current.State, new TouchpointReceived(touchpoint), work.Now, await _processor.ContextAsync(definition, work, cancellationToken)));
                applied++;
            }

            if (applied < record.Buffered.Count)
            {
                work.Note($"{instanceId}: {record.Buffered.Count - applied} buffered touchpoint(s) not applied, as the instance completed before them");
            }

            if (current.State.NextWakeUpAt is { } due && due <= work.Now)
            {
                current = work.Advanced(current, definition, JourneyEngine.Apply(definition, current.State, WakeUp.Instance, work.Now, await _processor.ContextAsync(definition, work, cancellationToken)));
            }

            // A deferral timer that fired while the instance was suspended found nothing to do; release now.
            current = work.ReleaseDeferred(current, definition);
            work.Replaced(current);
        }, cancellationToken);

    /// <summary>
    /// Delivers an event to one instance only, as a touchpoint of type <paramref name="eventName"/>: applied at
    /// once, or buffered when the instance is suspended. Not deduplicated: each call is a new event.
    /// </summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="eventName">The touchpoint type.</param>
    /// <param name="data">The payload, if any.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>Accepted (also when the instance does not await that event), NotFound or Gone.</returns>
    public async Task<OperationStatus> RaiseEventAsync(string instanceId, string eventName, JsonElement? data, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        var location = await _directory.FindAsync(instanceId, cancellationToken);
        if (location is null)
        {
            return OperationStatus.NotFound;
        }

        var now = _clock.GetUtcNow();
        var id = string.Create(CultureInfo.InvariantCulture, $"raised|{instanceId}|{eventName}|{now.UtcTicks}");
        var touchpoint = new Touchpoint(id, eventName, RaisedEventSource, location.CustomerId, now, data);
        return await RunAsync(location, OperatorCommand.RaiseEvent, touchpoint, async (work, record) =>
        {
            if (record.RuntimeStatus == InstanceRuntimeStatus.Suspended)
            {
                await _processor.BufferAsync(work, record, touchpoint, cancellationToken);
                return;
            }

            var definition = await _processor.RequireAsync(record, cancellationToken);
            work.Advanced(record, definition, JourneyEngine.Apply(definition, record.State, new TouchpointReceived(touchpoint), work.Now, await _processor.ContextAsync(definition, work, cancellationToken)));
        }, cancellationToken);
    }

    /// <summary>Removes an ended instance and its directory entry. The customer's timeline stays.</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>Purged, NotFound, or Active for an instance still running or suspended.</returns>
    public async Task<PurgeStatus> PurgeAsync(string instanceId, CancellationToken cancellationToken)
    {
        var location = await _directory.FindAsync(instanceId, cancellationToken);
        if (location is null)
        {
            return PurgeStatus.NotFound;
        }

        var record = await _customers.GetInstanceAsync(location.CustomerId, instanceId, cancellationToken);
        if (record is null)
        {
            // An entry whose instance never committed (or a purge that stopped half-way): clear it.
            await _directory.DeleteAsync(instanceId, cancellationToken);
            return PurgeStatus.NotFound;
        }

        if (record.IsActive)
        {
            return PurgeStatus.Active;
        }

        // The instance first: a directory entry left behind is found and cleared by the next purge.
        await _customers.DeleteInstanceAsync(location.CustomerId, instanceId, record.ETag!, cancellationToken);
        await _directory.DeleteAsync(instanceId, cancellationToken);
        return PurgeStatus.Purged;
    }

    private async Task<OperationStatus> RunAsync(
        string instanceId,
        OperatorCommand command,
        Touchpoint? touchpoint,
        Func<CustomerWork, InstanceRecord, Task> change,
        CancellationToken cancellationToken)
    {
        var location = await _directory.FindAsync(instanceId, cancellationToken);
        return location is null
            ? OperationStatus.NotFound
            : await RunAsync(location, command, touchpoint, change, cancellationToken);
    }

    private async Task<OperationStatus> RunAsync(
        InstanceLocation location,
        OperatorCommand command,
        Touchpoint? touchpoint,
        Func<CustomerWork, InstanceRecord, Task> change,
        CancellationToken cancellationToken)
    {
        var status = OperationStatus.Accepted;
        await _processor.RunAsync(new CustomerInput.OperatorRequested(location.CustomerId, location.InstanceId, command, touchpoint), async (snapshot, now) =>
        {
            var record = snapshot.ActiveInstances.FirstOrDefault(i => i.InstanceId == location.InstanceId);
            if (record is null)
            {
                var stored = await _customers.GetInstanceAsync(location.CustomerId, location.InstanceId, cancellationToken);
                status = stored is null ? OperationStatus.NotFound : OperationStatus.Gone;
                return null;
            }

            status = OperationStatus.Accepted;
            var work = _processor.NewWork(snapshot, now);
            await change(work, record);
            return work.HasChanges || touchpoint is not null ? work : null;
        }, cancellationToken);
        return status;
    }

    private static string Because(string? reason) => string.IsNullOrWhiteSpace(reason) ? "" : $": {reason}";
}
