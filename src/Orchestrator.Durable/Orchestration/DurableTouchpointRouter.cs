using Orchestrator.Application.Identity;
using Orchestrator.Application.Instances;
using Orchestrator.Application.Processing;
using Orchestrator.Application.Telemetry;
using Orchestrator.Application.Touchpoints;
using Orchestrator.Journeys;
using Orchestrator.Journeys.Engine;

namespace Orchestrator.Durable.Orchestration;

/// <summary>
/// Accepts a touchpoint for the Durable Functions runtime: routes it on the customer's instances by the same rules
/// as the standalone runtime (<see cref="TouchpointRouter"/>), records what it decided in one customer commit, and
/// tells the ingress which orchestrations to start and which to raise the touchpoint to.
/// </summary>
/// <remarks>
/// <para>
/// The commit comes first and carries the touchpoint's dedupe marker, each journey it enters as a pending instance
/// (counted as an entry and routable at once, so a touchpoint right behind it sees it), and the touchpoint kept on
/// each instance it is raised to until the orchestration reports it applied.
/// </para>
/// <para>
/// Starting and raising come after, and both are idempotent: a start by its deterministic instance id, a raise
/// because an orchestration drops a touchpoint id it applied. So a redelivery of a touchpoint whose commit is stored
/// is not a plain duplicate: its plan is rebuilt from the stored instances (pending ones it entered, instances still
/// keeping it), and the ingress starts and raises again whatever a failure may have left undone.
/// </para>
/// </remarks>
public sealed class DurableTouchpointRouter
{
    private readonly TouchpointRouting _routing;

    /// <summary>Creates the router.</summary>
    /// <param name="processor">The per-customer run loop.</param>
    /// <param name="identities">Resolves subjects.</param>
    /// <param name="clock">Current time, for entry rules.</param>
    public DurableTouchpointRouter(CustomerProcessor processor, IdentityResolver identities, TimeProvider clock)
    {
        _routing = new TouchpointRouting(processor, identities, clock);
    }

    /// <summary>Resolves the touchpoint's subject, routes it and records the routing.</summary>
    /// <param name="incoming">The validated touchpoint.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>What the ingress starts and raises.</returns>
    public async Task<TouchpointPlan> AcceptAsync(IncomingTouchpoint incoming, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        using var span = IngressTracing.Start(incoming);
        TouchpointPlan? plan = null;
        var (touchpoint, _) = await _routing.RouteAsync(
            incoming,
            resolved => new CustomerInput.DurableRouted(resolved),
            (work, snapshot, touchpoint, routed, now) =>
            {
                var raises = new List<string>();
                foreach (var target in routed.DeliverTo)
                {
                    var record = snapshot.ActiveInstances.First(i => i.InstanceId == target.InstanceId);
                    raises.Add(record.InstanceId);
                    work.Note(work.Routed(record, touchpoint)
                        ? $"{record.InstanceId}: touchpoint raised to the orchestration"
                        : $"{record.InstanceId}: touchpoint raised to the orchestration, not kept for a raise again ({InstanceRecord.MaxBuffered} unapplied already)");
                }

                var starts = new List<JourneyOrchestrationInput>();
                foreach (var start in routed.Starts)
                {
                    work.Accepted(JourneyEngine.Start(start.Definition, start.InstanceId, touchpoint, now, work.Context));
                    starts.Add(JourneyOrchestration.StartInput(start.InstanceId, start.Definition, touchpoint) with { Customer = work.Profile });
                    work.Note($"{start.Definition.Id}: orchestration {start.InstanceId} scheduled");
                }

                plan = new TouchpointPlan(touchpoint, Redelivery: false, starts, raises, routed.Notes) { Customer = work.Profile };
                return Task.CompletedTask;
            },
            (snapshot, touchpoint) => plan = Redelivered(touchpoint, snapshot.ActiveInstances, snapshot.Customer.Profile),
            cancellationToken);

        return plan ?? throw new InvalidOperationException($"Touchpoint {touchpoint.Id} was neither routed nor found recorded.");
    }

    // What a stored commit of this touchpoint asked for, as the instances stand now: pending instances it entered
    // are started again and instances still keeping it get it raised again; both are idempotent.
    private static TouchpointPlan Redelivered(Touchpoint touchpoint, IReadOnlyList<InstanceRecord> active, Journeys.Customers.CustomerProfile profile)
    {
        var starts = active
            .Where(i => i.RuntimeStatus == InstanceRuntimeStatus.Pending && i.State.Trigger.Id == touchpoint.Id)
            .Select(i => JourneyOrchestration.StartInput(i.InstanceId, i.State.JourneyId, i.State.Version, i.State.Trigger) with { Customer = profile })
            .ToArray();
        var raises = active
            .Where(i => i.RuntimeStatus != InstanceRuntimeStatus.Pending && i.Buffered.Any(t => t.Id == touchpoint.Id))
            .Select(i => i.InstanceId)
            .ToArray();
        return new TouchpointPlan(touchpoint, Redelivery: true, starts, raises, []) { Customer = profile };
    }
}
