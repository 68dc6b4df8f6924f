using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Orchestrator.Application.Actions;
using Orchestrator.Application.Analytics;
using Orchestrator.Application.Customers;
using Orchestrator.Application.Definitions;
using Orchestrator.Application.Identity;
using Orchestrator.Application.Instances;
using Orchestrator.Application.Operations;
using Orchestrator.Application.Processing;
using Orchestrator.Application.Queries;
using Orchestrator.Application.Timers;
using Orchestrator.Application.Touchpoints;
using Orchestrator.Journeys;
using Orchestrator.Storage.Memory;

namespace Orchestrator.Application.Tests.Support;

/// <summary>
/// The application layer wired as a host wires it, on the in-memory stores and a fake clock, with
/// decorators around the customer store, the action sink and the inbox so tests can inject failures.
/// </summary>
internal sealed class TestRuntime : IDisposable
{
    /// <summary>Where the fake clock starts.</summary>
    public static readonly DateTimeOffset T0 = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    private readonly List<DefinitionCatalog> _ownCatalogs = [];
    private int _redeployments;

    public TestRuntime(ApplicationOptions? options = null)
    {
        Options = options ?? new ApplicationOptions();
        Customers = new FaultyCustomerStore(Store);
        Sink = new FaultyActionSink(SentActions);
        QueueStore = new InMemoryTouchpointInbox(Clock);
        Inbox = new RecordingInbox(QueueStore);
        Catalog = new DefinitionCatalog(DefinitionStore, Clock, Options);
        Definitions = new DefinitionService(DefinitionStore, Catalog, Clock);
        Dispatcher = new ActionDispatcher(Sink, Customers, Clock, NullLogger<ActionDispatcher>.Instance, DispatchLog);
        Analytics = new AnalyticsAggregator(Customers, AnalyticsStore, Options.Analytics, NullLogger<AnalyticsAggregator>.Instance);
        AnalyticsQueries = new AnalyticsQueries(AnalyticsStore, DefinitionStore, Catalog, Clock, Options.Analytics);
        Processor = CreateProcessor(Catalog);
        Identity = new IdentityResolver(Identities, Options);
        Ingress = new TouchpointIngress(Processor, Identity, Inbox, Poison, Clock, Options, NullLogger<TouchpointIngress>.Instance);
        TimerService = new TimerService(Timers, Processor, Clock, NullLogger<TimerService>.Instance, Options);
        Queries = new InstanceQueries(Customers, Directory);
        Operations = new InstanceOperations(Processor, Customers, Directory, Clock);
    }

    public FakeTimeProvider Clock { get; } = new(T0);

    public ApplicationOptions Options { get; }

    public InMemoryCustomerStore Store { get; } = new();

    public FaultyCustomerStore Customers { get; }

    public InMemoryInstanceDirectory Directory { get; } = new();

    public InMemoryTimerStore Timers { get; } = new();

    public InMemoryDispatchLog DispatchLog { get; } = new();

    public InMemoryDefinitionStore DefinitionStore { get; } = new();

    public InMemoryIdentityStore Identities { get; } = new();

    public InMemoryPoisonStore Poison { get; } = new();

    public InMemoryTouchpointInbox QueueStore { get; }

    public RecordingInbox Inbox { get; }

    public InMemoryActionSink SentActions { get; } = new();

    public FaultyActionSink Sink { get; }

    public DefinitionCatalog Catalog { get; }

    public InMemoryAnalyticsStore AnalyticsStore { get; } = new();

    public AnalyticsAggregator Analytics { get; }

    public AnalyticsQueries AnalyticsQueries { get; }

    public DefinitionService Definitions { get; }

    public ActionDispatcher Dispatcher { get; }

    public CustomerProcessor Processor { get; }

    public IdentityResolver Identity { get; }

    public TouchpointIngress Ingress { get; }

    public TimerService TimerService { get; }

    public InstanceQueries Queries { get; }

    public InstanceOperations Operations { get; }

    /// <summary>Deploys sample journeys through the definition service.</summary>
    public async Task DeploySamplesAsync(params string[] journeyIds)
    {
        foreach (var journeyId in journeyIds)
        {
            await DeployAsync(journeyId, SampleJourneys.SampleJson(journeyId));
        }
    }

    /// <summary>
    /// Deploys a sample as a new version of itself: the same steps with another description, since deploying the very
    /// content the active version holds keeps that version.
    /// </summary>
    public Task DeployNewVersionAsync(string journeyId)
    {
        var definition = System.Text.Json.Nodes.JsonNode.Parse(SampleJourneys.SampleJson(journeyId))!;
        definition["description"] = $"deployed again ({++_redeployments})";
        return DeployAsync(journeyId, definition.ToJsonString());
    }

    /// <summary>Deploys a definition that must be valid.</summary>
    public async Task DeployAsync(string journeyId, string json)
    {
        var deployed = await Definitions.DeployAsync(journeyId, json, CancellationToken.None);
        Assert.True(deployed.Deployed, string.Join("; ", deployed.Errors));
    }

    /// <summary>A second processor on the same stores, as another process would run one.</summary>
    public CustomerProcessor CreateProcessor(DefinitionCatalog? catalog = null)
    {
        if (catalog is null)
        {
            catalog = new DefinitionCatalog(DefinitionStore, Clock, Options);
            _ownCatalogs.Add(catalog);
        }

        return new CustomerProcessor(Customers, Directory, Timers, Poison, catalog, Dispatcher, Clock, Options, NullLogger<CustomerProcessor>.Instance, Analytics);
    }

    public Task<ProcessResult> ApplyAsync(Touchpoint touchpoint) =>
        Processor.ApplyTouchpointAsync(touchpoint, CancellationToken.None);

    public async Task<InstanceRecord> InstanceAsync(string customerId, string instanceId) =>
        await Store.GetInstanceAsync(customerId, instanceId, CancellationToken.None)
        ?? throw new Xunit.Sdk.XunitException($"Instance {instanceId} of customer {customerId} is not stored.");

    public Task<IReadOnlyList<TimelineEntry>> TimelineAsync(string customerId) =>
        Store.ReadTimelineAsync(customerId, CancellationToken.None);

    public async Task<IReadOnlyList<ActionMessage>> OutboxAsync()
    {
        var actions = new List<ActionMessage>();
        await foreach (var action in Store.ReadAllOutboxesAsync(CancellationToken.None))
        {
            actions.Add(action);
        }

        return actions;
    }

    /// <summary>Outbox entries whose actions this runtime has not dispatched (acknowledged ones only wait for removal).</summary>
    public async Task<IReadOnlyList<ActionMessage>> UndispatchedAsync() =>
        [.. (await OutboxAsync()).Where(a => !Dispatcher.Acknowledgements.Contains(a.CustomerId, a.IdempotencyKey))];

    public void Dispose()
    {
        Catalog.Dispose();
        foreach (var catalog in _ownCatalogs)
        {
            catalog.Dispose();
        }
    }
}
