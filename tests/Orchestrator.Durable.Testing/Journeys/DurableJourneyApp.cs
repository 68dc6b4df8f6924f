using System.Text;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orchestrator.Application;
using Orchestrator.Application.Definitions;
using Orchestrator.Application.Ports;
using Orchestrator.Application.Rules;
using Orchestrator.Durable.Ingress;
using Orchestrator.Durable.Orchestration;
using Orchestrator.Durable.Testing.Hosting;
using Orchestrator.Journeys;
using Orchestrator.Journeys.Engine;
using Orchestrator.Storage;
using Orchestrator.Storage.Memory;

namespace Orchestrator.Durable.Testing.Journeys;

/// <summary>
/// The Functions app's Durable route on the real runtime: the app's ingress handler (the code behind the Service Bus
/// trigger), its journey orchestrator through the app's <see cref="DurableOrchestrationContext"/> adapter, and its
/// activities, on the Azure Storage backend; the journeys' own state in Table Storage on the same Azurite; actions in
/// an in-memory sink in place of the Service Bus topic.
/// </summary>
public sealed class DurableJourneyApp : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private DurableJourneyApp(ServiceProvider services, InMemoryActionSink sink, DurableRuntimeHost runtime)
    {
        _services = services;
        Sink = sink;
        Runtime = runtime;
    }

    /// <summary>The Durable runtime: its client and its storage request counter.</summary>
    public DurableRuntimeHost Runtime { get; }

    /// <summary>The app's services (stores, definitions, activities).</summary>
    public IServiceProvider Services => _services;

    /// <summary>Every action dispatched, in order.</summary>
    public InMemoryActionSink Sink { get; }

    /// <summary>The customer store, as the app's activities write it.</summary>
    public ICustomerStore Customers => _services.GetRequiredService<ICustomerStore>();

    /// <summary>Starts the app and the runtime on one Azurite.</summary>
    /// <param name="storageConnectionString">Azurite with Blob, Queue and Table endpoints.</param>
    /// <param name="options">What to vary.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running app.</returns>
    public static async Task<DurableJourneyApp> StartAsync(string storageConnectionString, DurableJourneyAppOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new DurableJourneyAppOptions();
        var sink = new InMemoryActionSink();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddJourneyApplication(new ApplicationOptions { SendRules = SendRulesOptions.None })
            .AddTableStorage(new StorageOptions { ConnectionString = storageConnectionString, Prefix = "journeys" })
            .AddJourneyOrchestration()
            .AddSingleton<IActionSink>(sink)
            .BuildServiceProvider();
        try
        {
            foreach (var initializer in services.GetServices<IStorageInitializer>())
            {
                await initializer.EnsureCreatedAsync(cancellationToken);
            }

            var activities = services.GetRequiredService<JourneyActivities>();
            var runtime = await DurableRuntimeHost.StartAsync(
                storageConnectionString, registry => Register(registry, activities, options), options: options.Runtime, cancellationToken: cancellationToken);
            return new DurableJourneyApp(services, sink, runtime);
        }
        catch
        {
            await services.DisposeAsync();
            throw;
        }
    }

    /// <summary>Deploys a journey definition.</summary>
    /// <param name="json">The definition.</param>
    /// <param name="cancellationToken">Cancels the deployment.</param>
    /// <returns>The version deployed.</returns>
    public async Task<int> DeployAsync(string json, CancellationToken cancellationToken = default)
    {
        var id = System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("id").GetString()!;
        var deployed = await _services.GetRequiredService<DefinitionService>().DeployAsync(id, json, cancellationToken);
        return deployed.Deployed
            ? deployed.Version!.Value
            : throw new InvalidOperationException($"journey {id} did not deploy: {string.Join("; ", deployed.Errors)}");
    }

    /// <summary>Hands one structured CloudEvent to the app's ingress, as the Service Bus trigger does.</summary>
    /// <param name="cloudEvent">The message body.</param>
    /// <param name="cancellationToken">Cancels the handling.</param>
    /// <returns>How the trigger would settle the message.</returns>
    public Task<SettleDecision> PostAsync(string cloudEvent, CancellationToken cancellationToken = default) =>
        _services.GetRequiredService<DurableTouchpointIngress>()
            .HandleAsync(Encoding.UTF8.GetBytes(cloudEvent), messageId: Guid.NewGuid().ToString("n"), deliveryCount: 1, Runtime.Client, cancellationToken);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await Runtime.DisposeAsync();
        await _services.DisposeAsync();
    }

    // The app's orchestrator and activities, bound as the Functions app binds them.
    private static void Register(DurableTaskRegistry registry, JourneyActivities activities, DurableJourneyAppOptions options)
    {
        registry.AddOrchestratorFunc<JourneyOrchestrationInput, JourneyOrchestrationOutput?>(
            JourneyOrchestrationNames.Orchestrator,
            (context, input) => JourneyOrchestration.RunAsync(options.WrapContext(new DurableOrchestrationContext(context), input!), input!));
        registry.AddActivityFunc<DefinitionRequest, string>(
            JourneyOrchestrationNames.LoadDefinition, (_, request) => activities.LoadDefinitionAsync(request!, CancellationToken.None));
        registry.AddActivityFunc<DefinitionRequest, IReadOnlyDictionary<string, ArmFigures>>(
            JourneyOrchestrationNames.LoadArmFigures, (_, request) => activities.LoadArmFiguresAsync(request!, CancellationToken.None));
        registry.AddActivityFunc<TransitionRequest, ActivityResult>(
            JourneyOrchestrationNames.RecordTransition, (_, request) => activities.RecordTransitionAsync(request!, CancellationToken.None));
        registry.AddActivityFunc<DeferredRequest, ActivityResult>(
            JourneyOrchestrationNames.ReleaseDeferred, (_, request) => activities.ReleaseDeferredAsync(request!, CancellationToken.None));
        registry.AddActivityFunc<UnappliedRequest, IReadOnlyList<Touchpoint>>(
            JourneyOrchestrationNames.TakeUnapplied,
            (_, request) => options.RetakeUnapplied ? activities.TakeUnappliedAsync(request!, CancellationToken.None) : Task.FromResult<IReadOnlyList<Touchpoint>>([]));
    }
}
