using Orchestrator.Application;
using Orchestrator.Durable.Orchestration;
using Orchestrator.Application.Tests.Support;

namespace Orchestrator.Durable.Tests.Orchestration;

/// <summary>The application on in-memory storage, with the Durable activities and router, and fake Durable instances.</summary>
internal sealed class DurableHarness : IDisposable
{
    private readonly Dictionary<string, FakeDurableContext> _instances = new(StringComparer.Ordinal);

    public DurableHarness(ApplicationOptions? options = null)
    {
        Runtime = new TestRuntime(options ?? new ApplicationOptions { SendRules = Application.Rules.SendRulesOptions.None });
        Activities = new JourneyActivities(
            Runtime.Processor, Runtime.Dispatcher, Runtime.Customers, Runtime.DefinitionStore, Runtime.Catalog,
            new Application.Analytics.ArmFiguresSource(Runtime.AnalyticsStore, Runtime.Clock, Runtime.Options.Analytics));
        Router = new DurableTouchpointRouter(Runtime.Processor, Runtime.Identity, Runtime.Clock);
    }

    public TestRuntime Runtime { get; }

    public JourneyActivities Activities { get; }

    public DurableTouchpointRouter Router { get; }

    public IReadOnlyDictionary<string, FakeDurableContext> Instances => _instances;

    public IEnumerable<string> SentActions => Runtime.SentActions.Sent.Select(a => a.Action);

    /// <summary>What the Functions ingress does: accept (the routing committed), then start and raise.</summary>
    public async Task<TouchpointPlan> SendAsync(string id, string type, string subject, string? data = null, bool raise = true)
    {
        var plan = await Router.AcceptAsync(TestEvents.Incoming(id, type, subject, data), CancellationToken.None);
        foreach (var start in plan.Starts)
        {
            if (!_instances.ContainsKey(start.InstanceId))
            {
                var context = Wire(new FakeDurableContext(start.InstanceId, Runtime.Clock));
                _instances.Add(start.InstanceId, context);
                context.Start(start);
            }
        }

        // A raise the runtime loses is one that never arrives.
        foreach (var instanceId in raise ? plan.Raises : [])
        {
            _instances[instanceId].Raise(JourneyOrchestrationNames.TouchpointEvent, plan.Raised);
        }

        return plan;
    }

    /// <summary>Moves time for every instance.</summary>
    public void AdvanceTo(DateTimeOffset at)
    {
        foreach (var context in _instances.Values)
        {
            context.AdvanceTo(at);
        }

        if (at > Runtime.Clock.GetUtcNow())
        {
            Runtime.Clock.SetUtcNow(at);
        }
    }

    public FakeDurableContext Wire(FakeDurableContext context)
    {
        context.OnActivity<DefinitionRequest, string>(JourneyOrchestrationNames.LoadDefinition, r => Activities.LoadDefinitionAsync(r, CancellationToken.None));
        context.OnActivity<DefinitionRequest, IReadOnlyDictionary<string, Journeys.Engine.ArmFigures>>(JourneyOrchestrationNames.LoadArmFigures, r => Activities.LoadArmFiguresAsync(r, CancellationToken.None));
        context.OnActivity<TransitionRequest, ActivityResult>(JourneyOrchestrationNames.RecordTransition, r => Activities.RecordTransitionAsync(r, CancellationToken.None));
        context.OnActivity<DeferredRequest, ActivityResult>(JourneyOrchestrationNames.ReleaseDeferred, r => Activities.ReleaseDeferredAsync(r, CancellationToken.None));
        context.OnActivity<UnappliedRequest, IReadOnlyList<Journeys.Touchpoint>>(JourneyOrchestrationNames.TakeUnapplied, r => Activities.TakeUnappliedAsync(r, CancellationToken.None));
        return context;
    }

    public void Dispose() => Runtime.Dispose();
}
