using Orchestrator.Application.Customers;
using Orchestrator.Journeys;
using Orchestrator.Journeys.Engine;

namespace Orchestrator.Application.Processing;

/// <summary>A touchpoint's transaction: routed the same way for every runtime, applied the runtime's way.</summary>
public sealed partial class CustomerProcessor
{
    /// <summary>
    /// Runs a touchpoint's transaction: a touchpoint seen before writes nothing; otherwise it is routed
    /// (<see cref="RouteAsync"/>) and the runtime's <paramref name="apply"/> records what the routing does. A standalone
    /// touchpoint joins the others of its customer waiting for the customer's lock with it, in one group commit.
    /// </summary>
    /// <param name="input">The touchpoint's input (the standalone or the Durable one).</param>
    /// <param name="touchpoint">The touchpoint, its customer resolved.</param>
    /// <param name="apply">What the runtime does with the routing.</param>
    /// <param name="redelivered">Told of a touchpoint the load shows applied before; none ignores it.</param>
    /// <param name="cancellationToken">Cancels processing.</param>
    /// <returns>What happened.</returns>
    internal Task<ProcessResult> RouteTouchpointAsync(
        CustomerInput input, Touchpoint touchpoint, RoutedApply apply, Action<CustomerSnapshot, Touchpoint>? redelivered, CancellationToken cancellationToken) =>
        input is CustomerInput.TouchpointArrived
            ? _transaction.RunJoiningAsync(new GroupedInput(input, Routing(touchpoint, apply, redelivered, cancellationToken)), cancellationToken)
            : RunAsync(input, Routing(touchpoint, apply, redelivered, cancellationToken), cancellationToken);

    /// <summary>
    /// Applies several touchpoints of one customer, in order, in as few transactions as the transaction's limits allow
    /// (a group commit): each is routed and applied on the customer as the ones before it left it, with its own
    /// timeline entry and dedupe marker. A duplicate is told apart and dropped; the others are applied.
    /// </summary>
    /// <param name="touchpoints">The touchpoints, their customer resolved, all the same customer.</param>
    /// <param name="cancellationToken">Cancels processing.</param>
    /// <returns>What happened to each, in the same order.</returns>
    public Task<IReadOnlyList<ProcessResult>> ApplyTouchpointsAsync(IReadOnlyList<Touchpoint> touchpoints, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(touchpoints);
        if (touchpoints.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<ProcessResult>>([]);
        }

        var apply = Applying(cancellationToken);
        var inputs = touchpoints
            .Select(t => new GroupedInput(new CustomerInput.TouchpointArrived(t), Routing(t, apply, redelivered: null, cancellationToken)))
            .ToArray();
        return _transaction.RunGroupAsync(touchpoints[0].CustomerId, inputs, cancellationToken);
    }

    // The decide phase of a touchpoint: nothing for one seen before, else routed and handed to the runtime.
    private CustomerDecide Routing(Touchpoint touchpoint, RoutedApply apply, Action<CustomerSnapshot, Touchpoint>? redelivered, CancellationToken cancellationToken) =>
        async (snapshot, now) =>
        {
            if (snapshot.TouchpointSeen)
            {
                redelivered?.Invoke(snapshot, touchpoint);
                return null;
            }

            var work = NewWork(snapshot, now);
            var plan = await RouteAsync(work, snapshot, touchpoint, now, cancellationToken);
            await apply(work, snapshot, touchpoint, plan, now);
            return work;
        };

    /// <summary>The standalone runtime's use of a routing: delivered to instances (buffered for suspended ones), journeys started.</summary>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The apply step.</returns>
    internal RoutedApply Applying(CancellationToken cancellationToken) => async (work, snapshot, touchpoint, plan, now) =>
    {
        foreach (var target in plan.DeliverTo)
        {
            var record = snapshot.ActiveInstances.First(i => i.InstanceId == target.InstanceId);
            if (target.Suspended)
            {
                await BufferAsync(work, record, touchpoint, cancellationToken);
                continue;
            }

            var definition = await RequireAsync(record, cancellationToken);
            work.Advanced(record, definition, JourneyEngine.Apply(definition, record.State, new TouchpointReceived(touchpoint), now, await ContextAsync(definition, work, cancellationToken)));
        }

        foreach (var start in plan.Starts)
        {
            work.Started(start.Definition, JourneyEngine.Start(start.Definition, start.InstanceId, touchpoint, now, await ContextAsync(start.Definition, work, cancellationToken)));
        }
    };
}
