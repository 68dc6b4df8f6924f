using Orchestrator.Application.Definitions;
using Orchestrator.Application.Identity;
using Orchestrator.Application.Ports;
using Orchestrator.Application.Processing;
using Orchestrator.Application.Touchpoints;
using Orchestrator.Journeys;

namespace Orchestrator.Durable.Orchestration;

/// <summary>
/// Turns a touchpoint into what the Durable Functions ingress does: which orchestrations to start, which to
/// signal, and what to record. Routing is <see cref="TouchpointRouter"/>'s, on the customer's instances as the
/// orchestrations' activities recorded them, so both runtimes enter and deliver by the same rules.
/// </summary>
/// <remarks>
/// The ingress plans, starts and raises, then records (<see cref="RecordAsync"/>): the dedupe marker is written
/// only once every start and raise succeeded, so a message abandoned half way is planned again in full.
/// Starting is idempotent by instance id, and an orchestration drops a touchpoint id it applied already.
/// </remarks>
public sealed class DurableTouchpointRouter
{
    private readonly CustomerProcessor _processor;
    private readonly ICustomerStore _customers;
    private readonly DefinitionCatalog _catalog;
    private readonly IdentityResolver _identities;
    private readonly TimeProvider _clock;

    /// <summary>Creates the router.</summary>
    /// <param name="processor">The per-customer run loop, for recording.</param>
    /// <param name="customers">The customer store.</param>
    /// <param name="catalog">Definitions.</param>
    /// <param name="identities">Resolves subjects.</param>
    /// <param name="clock">Current time, for entry rules.</param>
    public DurableTouchpointRouter(CustomerProcessor processor, ICustomerStore customers, DefinitionCatalog catalog, IdentityResolver identities, TimeProvider clock)
    {
        _processor = processor;
        _customers = customers;
        _catalog = catalog;
        _identities = identities;
        _clock = clock;
    }

    /// <summary>Plans one touchpoint: resolves its subject, then routes it.</summary>
    /// <param name="incoming">The validated touchpoint.</param>
    /// <param name="cancellationToken">Cancels planning.</param>
    /// <returns>The plan.</returns>
    public async Task<TouchpointPlan> PlanAsync(IncomingTouchpoint incoming, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        var customerId = await _identities.ResolveAsync(incoming.Subject, cancellationToken);
        if (incoming.Type == IdentityResolver.LinkEventType)
        {
            await _identities.LinkAsync(customerId, incoming.Data, cancellationToken);
        }

        var now = _clock.GetUtcNow();
        var touchpoint = new Touchpoint(incoming.Id, incoming.Type, incoming.Source, customerId, incoming.Time ?? now, incoming.Data);
        var snapshot = await _customers.LoadAsync(customerId, touchpoint.Id, cancellationToken);
        if (snapshot.TouchpointSeen)
        {
            return new TouchpointPlan(touchpoint, Duplicate: true, [], [], []);
        }

        var active = await _catalog.GetActiveAsync(cancellationToken);
        var views = snapshot.ActiveInstances.Select(InstanceView.Of).ToArray();
        var plan = TouchpointRouter.Plan(touchpoint, views, snapshot.Customer.Entries, active, now);

        // A suspended orchestration keeps raised events until it resumes: Durable buffers them, so no buffer of ours.
        var starts = plan.Starts.Select(s => JourneyOrchestration.StartInput(s.InstanceId, s.Definition, touchpoint)).ToArray();
        var raises = plan.DeliverTo.Select(d => d.InstanceId).ToArray();
        return new TouchpointPlan(touchpoint, Duplicate: false, starts, raises, plan.Notes);
    }

    /// <summary>
    /// Records a planned touchpoint once its starts and raises succeeded: its dedupe marker and a timeline entry
    /// with the routing notes. The instances record their own transitions.
    /// </summary>
    /// <param name="plan">The plan carried out.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when recorded.</returns>
    public async Task RecordAsync(TouchpointPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Duplicate)
        {
            return;
        }

        var touchpoint = plan.Touchpoint;
        await _processor.RunAsync(touchpoint.CustomerId, touchpoint.Id, (snapshot, now) =>
        {
            if (snapshot.TouchpointSeen)
            {
                return Task.FromResult<CustomerWork?>(null);
            }

            var work = _processor.NewWork(snapshot, now);
            foreach (var note in plan.Notes)
            {
                work.Note(note);
            }

            foreach (var start in plan.Starts)
            {
                work.Note($"{start.JourneyId}: orchestration {start.InstanceId} started");
            }

            foreach (var instanceId in plan.Raises)
            {
                work.Note($"{instanceId}: touchpoint raised to the orchestration");
            }

            return Task.FromResult<CustomerWork?>(work);
        }, "touchpoint", touchpoint, cancellationToken);
    }
}
