using System.Diagnostics.CodeAnalysis;
using Azure.Storage.Queues;
using Microsoft.Extensions.Time.Testing;
using Orchestrator.Conformance.Tests.Harness;
using Orchestrator.Conformance.Tests.Harness.Api;
using Orchestrator.Conformance.Tests.Harness.Durable;
using Orchestrator.Testing;

namespace Orchestrator.Conformance.Tests;

/// <summary>
/// The drivers under test. The simulator runs each scenario on demand; the standalone host (one Azurite, one
/// in-process host, each journey deployed once) runs every scenario in one pass on its shared clock, the first
/// time a test asks for one of its results.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "xunit disposes a fixture through IAsyncLifetime.DisposeAsync, which disposes the host.")]
public sealed class ConformanceFixture : IAsyncLifetime
{
    /// <summary>Appended to each scenario's customer id on the host, so scenarios sharing an id stay apart.</summary>
    /// <remarks>Fixed rather than random so a split assigns the same branch on every run.</remarks>
    public const string HostCustomerSuffix = "-standalone";

    /// <summary>Every driver the suite runs.</summary>
    public static readonly IReadOnlyList<string> Drivers =
        [SimulatorDriver.DriverName, StandaloneDriver.DriverName, DurableDriver.DriverName, RealDurableDriver.DriverName];

    private static readonly TimeSpan StandalonePassDeadline = TimeSpan.FromSeconds(90);

    private static readonly TimeSpan DurablePassDeadline = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan DurableRuntimePassDeadline = TimeSpan.FromMinutes(5);

    private readonly SimulatorDriver _simulator = new();
    private readonly Lazy<Task<IReadOnlyDictionary<string, JourneyRunResult>>> _standalone;
    private readonly Lazy<Task<IReadOnlyDictionary<string, JourneyRunResult>>> _durable;
    private readonly Lazy<Task<IReadOnlyDictionary<string, JourneyRunResult>>> _durableRuntime;
    private AzuriteInstance? _durableStorage;
    private RealDurableDriver? _durableRuntimeDriver;
    private AzuriteInstance? _azurite;
    private StandaloneHostFactory? _host;
    private HttpClient? _client;

    public ConformanceFixture()
    {
        _standalone = new(RunStandaloneAsync);
        _durable = new(RunDurableAsync);
        _durableRuntime = new(RunDurableRuntimeAsync);
    }

    public async Task InitializeAsync()
    {
        foreach (var journey in ScenarioCatalog.Cases.DistinctBy(c => c.Definition.Id))
        {
            await _simulator.DeployAsync(journey.Definition, journey.DefinitionJson, CancellationToken.None);
        }
    }

    /// <summary>The simulator's result for a run.</summary>
    /// <param name="run">The run.</param>
    /// <returns>The result.</returns>
    public JourneyRunResult Simulate(ScenarioRun run) => _simulator.Run(run);

    /// <summary>A driver's result for a scenario: as written on the simulator, for <see cref="HostCustomerSuffix"/> on a host.</summary>
    /// <param name="driver">The driver's name.</param>
    /// <param name="scenario">The scenario.</param>
    /// <returns>The result.</returns>
    public async Task<JourneyRunResult> RunAsync(string driver, ScenarioCase scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return driver switch
        {
            SimulatorDriver.DriverName => Simulate(scenario.AsWritten()),
            StandaloneDriver.DriverName => (await _standalone.Value)[scenario.Name],
            DurableDriver.DriverName => (await _durable.Value)[scenario.Name],
            RealDurableDriver.DriverName => (await _durableRuntime.Value)[scenario.Name],
            _ => throw new ArgumentOutOfRangeException(nameof(driver), driver, "unknown driver"),
        };
    }

    /// <summary>The standalone host's API once every scenario ran on it.</summary>
    /// <returns>The API.</returns>
    public async Task<OrchestratorApi> StandaloneApiAsync()
    {
        await _standalone.Value;
        return new OrchestratorApi(_client!);
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }

        if (_durableRuntimeDriver is not null)
        {
            await _durableRuntimeDriver.DisposeAsync();
        }

        if (_durableStorage is not null)
        {
            await _durableStorage.DisposeAsync();
        }
    }

    /// <summary>
    /// Every scenario in one pass on the real Durable Task runtime (Azure Storage backend) and Table Storage, both on one
    /// Azurite of their own, through the app's ingress handler, orchestrator and activities.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, JourneyRunResult>> RunDurableRuntimeAsync()
    {
        var cases = ScenarioCatalog.Cases;
        using var deadline = new CancellationTokenSource(DurableRuntimePassDeadline);
        _durableStorage = await AzuriteInstance.StartAsync(deadline.Token);
        _durableRuntimeDriver = await RealDurableDriver.StartAsync(_durableStorage.ConnectionString, deadline.Token);
        foreach (var journey in cases.DistinctBy(c => c.Definition.Id))
        {
            await _durableRuntimeDriver.DeployAsync(journey.Definition, journey.DefinitionJson, deadline.Token);
        }

        var results = await _durableRuntimeDriver.RunAsync([.. cases.Select(c => c.ForCustomerSuffix(HostCustomerSuffix))], deadline.Token);
        return results.ToDictionary(r => r.Scenario, StringComparer.Ordinal);
    }

    /// <summary>Every scenario in one pass through the Durable orchestration loop, on fake Durable instances over in-memory storage.</summary>
    private static async Task<IReadOnlyDictionary<string, JourneyRunResult>> RunDurableAsync()
    {
        var cases = ScenarioCatalog.Cases;
        using var deadline = new CancellationTokenSource(DurablePassDeadline);
        using var driver = new DurableDriver(cases.Min(c => c.Script.Start));
        foreach (var journey in cases.DistinctBy(c => c.Definition.Id))
        {
            await driver.DeployAsync(journey.Definition, journey.DefinitionJson, deadline.Token);
        }

        // The same customers as on the standalone host, so a split assigns the same branch as the simulator's reference.
        var results = await driver.RunAsync([.. cases.Select(c => c.ForCustomerSuffix(HostCustomerSuffix))], deadline.Token);
        return results.ToDictionary(r => r.Scenario, StringComparer.Ordinal);
    }

    private async Task<IReadOnlyDictionary<string, JourneyRunResult>> RunStandaloneAsync()
    {
        var cases = ScenarioCatalog.Cases;
        using var deadline = new CancellationTokenSource(StandalonePassDeadline);
        _azurite = await AzuriteInstance.StartAsync(deadline.Token);
        var clock = new FakeTimeProvider(cases.Min(c => c.Script.Start));
        _host = new StandaloneHostFactory(_azurite.ConnectionString, clock);
        _client = _host.CreateClientWithKeys();
        var queue = new QueueClient(_azurite.ConnectionString, "actions", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        var driver = new StandaloneDriver(new OrchestratorApi(_client), clock, new ActionQueueReader(queue));
        foreach (var journey in cases.DistinctBy(c => c.Definition.Id))
        {
            await driver.DeployAsync(journey.Definition, journey.DefinitionJson, deadline.Token);
        }

        var results = await driver.RunAsync([.. cases.Select(c => c.ForCustomerSuffix(HostCustomerSuffix))], deadline.Token);
        return results.ToDictionary(r => r.Scenario, StringComparer.Ordinal);
    }
}
