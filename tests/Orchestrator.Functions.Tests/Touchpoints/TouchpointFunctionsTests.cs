using Azure.Messaging.ServiceBus;
using Grpc.Core;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Orchestrator.Application;
using Orchestrator.Application.Actions;
using Orchestrator.Application.Definitions;
using Orchestrator.Application.Identity;
using Orchestrator.Application.Processing;
using Orchestrator.Durable.Ingress;
using Orchestrator.Durable.Orchestration;
using Orchestrator.Functions.Touchpoints;
using Orchestrator.Storage.Memory;

namespace Orchestrator.Functions.Tests.Touchpoints;

/// <summary>The trigger settles each message as the ingress decided (needs the Service Bus trigger extension).</summary>
public sealed class TouchpointFunctionsTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 3, 3, 9, 0, 0, TimeSpan.Zero));
    private readonly ApplicationOptions _options = new();
    private readonly InMemoryDefinitionStore _definitions = new();
    private readonly DefinitionCatalog _catalog;
    private readonly TouchpointFunctions _functions;
    private readonly Mock<ServiceBusMessageActions> _actions = new();
    private readonly Mock<DurableTaskClient> _client = new("test");

    public TouchpointFunctionsTests()
    {
        var customers = new InMemoryCustomerStore();
        _catalog = new DefinitionCatalog(_definitions, _clock, _options);
        var processor = new CustomerProcessor(
            customers, new InMemoryInstanceDirectory(), new InMemoryTimerStore(), new InMemoryPoisonStore(), _catalog,
            new ActionDispatcher(new InMemoryActionSink(), customers, _clock, NullLogger<ActionDispatcher>.Instance),
            _clock, _options, NullLogger<CustomerProcessor>.Instance);
        var router = new DurableTouchpointRouter(processor, new IdentityResolver(new InMemoryIdentityStore(), _options), _clock);
        _functions = new TouchpointFunctions(new DurableTouchpointIngress(router, _options, NullLogger<DurableTouchpointIngress>.Instance));
    }

    [Fact]
    public async Task Run_InvalidCloudEvent_IsDeadLetteredWithWhatIsWrong()
    {
        var message = Message("""{ "specversion": "1.0" }""");

        await _functions.Run(message, _actions.Object, _client.Object, CancellationToken.None);

        _actions.Verify(a => a.DeadLetterMessageAsync(
            message, It.IsAny<Dictionary<string, object>?>(), DurableTouchpointIngress.InvalidCloudEvent,
            It.Is<string?>(d => d != null && d.Contains("id", StringComparison.Ordinal)), It.IsAny<CancellationToken>()), Times.Once());
        _actions.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Run_EnteringTouchpoint_StartsAndCompletes()
    {
        await DeployPingerAsync();
        var message = Message("""{ "specversion": "1.0", "id": "e1", "source": "app", "type": "ping.start", "subject": "c1" }""");

        await _functions.Run(message, _actions.Object, _client.Object, CancellationToken.None);

        _client.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(
            It.Is<TaskName>(n => n.Name == JourneyOrchestrationNames.Orchestrator), It.IsAny<object?>(),
            It.Is<StartOrchestrationOptions?>(o => o != null && o.InstanceId == "pinger:c1:e1"), It.IsAny<CancellationToken>()), Times.Once());
        _actions.Verify(a => a.CompleteMessageAsync(message, It.IsAny<CancellationToken>()), Times.Once());
        _actions.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Run_DurableBackendUnavailable_IsAbandonedForRedelivery()
    {
        await DeployPingerAsync();
        _client.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(
                It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RpcException(new Status(StatusCode.Unavailable, "down")));
        var message = Message("""{ "specversion": "1.0", "id": "e1", "source": "app", "type": "ping.start", "subject": "c1" }""");

        await _functions.Run(message, _actions.Object, _client.Object, CancellationToken.None);

        _actions.Verify(a => a.AbandonMessageAsync(message, It.IsAny<IDictionary<string, object>?>(), It.IsAny<CancellationToken>()), Times.Once());
        _actions.VerifyNoOtherCalls();
    }

    public void Dispose() => _catalog.Dispose();

    private static ServiceBusReceivedMessage Message(string body) =>
        ServiceBusModelFactory.ServiceBusReceivedMessage(body: BinaryData.FromString(body), messageId: "m1", sessionId: "c1");

    private Task DeployPingerAsync() => _definitions.DeployAsync("pinger", """
        { "id": "pinger", "name": "Pinger", "entry": { "event": "ping.start" }, "start": "done",
          "steps": { "done": { "type": "end", "outcome": "success" } } }
        """, _clock.GetUtcNow(), CancellationToken.None);
}
