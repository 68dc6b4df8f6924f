using Azure.Messaging.ServiceBus;
using Grpc.Core;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Orchestrator.Application;
using Orchestrator.Application.Actions;
using Orchestrator.Application.Definitions;
using Orchestrator.Application.Identity;
using Orchestrator.Durable.Orchestration;
using Orchestrator.Application.Processing;
using Orchestrator.Functions.Touchpoints;
using Orchestrator.Storage.Memory;

namespace Orchestrator.Functions.Tests.Touchpoints;

public sealed class TouchpointFunctionsTests
{
    [Fact]
    public async Task Run_InvalidCloudEvent_IsDeadLetteredWithWhatIsWrong()
    {
        var (functions, _) = Create();
        var message = ServiceBusModelFactory.ServiceBusReceivedMessage(body: BinaryData.FromString("""{ "specversion": "1.0" }"""), messageId: "m1");
        var actions = new Mock<ServiceBusMessageActions>();
        var client = new Mock<DurableTaskClient>("test");

        await functions.Run(message, actions.Object, client.Object, CancellationToken.None);

        actions.Verify(a => a.DeadLetterMessageAsync(
            message, It.IsAny<Dictionary<string, object>?>(), TouchpointFunctions.InvalidCloudEvent,
            It.Is<string?>(d => d != null && d.Contains("id", StringComparison.Ordinal)), It.IsAny<CancellationToken>()), Times.Once());
        actions.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Run_EnteringTouchpoint_StartsWithDeterministicIdAndCompletes()
    {
        var (functions, definitions) = Create();
        await definitions.DeployAsync("pinger", """
            { "id": "pinger", "name": "Pinger", "entry": { "event": "ping.start" }, "start": "done",
              "steps": { "done": { "type": "end", "outcome": "success" } } }
            """, DateTimeOffset.UnixEpoch, CancellationToken.None);
        var body = """{ "specversion": "1.0", "id": "e1", "source": "app", "type": "ping.start", "subject": "c1" }""";
        var message = ServiceBusModelFactory.ServiceBusReceivedMessage(body: BinaryData.FromString(body), messageId: "m1", sessionId: "c1");
        var actions = new Mock<ServiceBusMessageActions>();
        var client = new Mock<DurableTaskClient>("test");
        client.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(
                It.IsAny<Microsoft.DurableTask.TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RpcException(new Status(StatusCode.AlreadyExists, "exists")));

        await functions.Run(message, actions.Object, client.Object, CancellationToken.None);

        client.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(
            It.Is<Microsoft.DurableTask.TaskName>(n => n.Name == JourneyOrchestrationNames.Orchestrator),
            It.IsAny<object?>(),
            It.Is<StartOrchestrationOptions?>(o => o != null && o.InstanceId == "pinger:c1:e1"),
            It.IsAny<CancellationToken>()), Times.Once());
        actions.Verify(a => a.CompleteMessageAsync(message, It.IsAny<CancellationToken>()), Times.Once());
    }

    [Fact]
    public void IsAlreadyStarted_OtherRpcFailure_IsNotSwallowed() =>
        Assert.False(TouchpointFunctions.IsAlreadyStarted(new RpcException(new Status(StatusCode.Unavailable, "down"))));

    private static (TouchpointFunctions Functions, InMemoryDefinitionStore Definitions) Create()
    {
        var options = new ApplicationOptions();
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 3, 9, 0, 0, TimeSpan.Zero));
        var customers = new InMemoryCustomerStore();
        var definitions = new InMemoryDefinitionStore();
        var catalog = new DefinitionCatalog(definitions, clock, options);
        var processor = new CustomerProcessor(
            customers, new InMemoryInstanceDirectory(), new InMemoryTimerStore(), new InMemoryPoisonStore(), catalog,
            new ActionDispatcher(new InMemoryActionSink(), customers, clock, NullLogger<ActionDispatcher>.Instance),
            clock, options, NullLogger<CustomerProcessor>.Instance);
        var router = new DurableTouchpointRouter(processor, customers, catalog, new IdentityResolver(new InMemoryIdentityStore(), options), clock);
        return (new TouchpointFunctions(router, options, NullLogger<TouchpointFunctions>.Instance), definitions);
    }
}
