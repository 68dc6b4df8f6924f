using System.Text;
using DurableTask.Core.Exceptions;
using Grpc.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Orchestrator.Application.Tests.Support;
using Orchestrator.Application.Touchpoints;
using Orchestrator.Durable.Ingress;
using Orchestrator.Durable.Orchestration;
using Orchestrator.Durable.Tests.Orchestration;

namespace Orchestrator.Durable.Tests.Ingress;

public sealed class DurableTouchpointIngressTests : IDisposable
{
    private const string Customer = "c1";
    private const string BillPaymentInstance = "bill-payment:c1:e1";

    private readonly DurableHarness _harness = new();
    private readonly Mock<DurableTaskClient> _client = new("test");
    private readonly DurableTouchpointIngress _ingress;

    public DurableTouchpointIngressTests()
    {
        _ingress = new DurableTouchpointIngress(_harness.Router, _harness.Runtime.Options, NullLogger<DurableTouchpointIngress>.Instance);
    }

    [Fact]
    public async Task HandleAsync_InvalidCloudEvent_DeadLettersWithTheReadersProblems()
    {
        var body = Utf8("""{ "specversion": "1.0", "source": "app" }""");
        var problems = CloudEventReader.ReadStructured(body, _harness.Runtime.Options.MaxTouchpointBytes).Problems;

        var decision = await HandleAsync(body);

        var deadLetter = Assert.IsType<SettleDecision.DeadLetter>(decision);
        Assert.Equal(DurableTouchpointIngress.InvalidCloudEvent, deadLetter.Reason);
        Assert.Equal(string.Join("; ", problems), deadLetter.Description);
        Assert.Contains("id", deadLetter.Description, StringComparison.Ordinal);
        _client.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task HandleAsync_EventLargerThanTheLimit_DeadLetters()
    {
        var data = $$"""{ "note": "{{new string('x', _harness.Runtime.Options.MaxTouchpointBytes)}}" }""";

        var decision = await HandleAsync(TestEvents.CloudEvent("e1", "invoice.issued", Customer, data));

        Assert.IsType<SettleDecision.DeadLetter>(decision);
        _client.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task HandleAsync_EnteringTouchpoint_SchedulesTheOrchestrationThenCompletes()
    {
        await _harness.Runtime.DeploySamplesAsync(SampleJourneys.BillPayment);

        var decision = await HandleAsync(Invoice("e1"));

        Assert.IsType<SettleDecision.Complete>(decision);
        _client.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(
            It.Is<TaskName>(n => n.Name == JourneyOrchestrationNames.Orchestrator),
            It.Is<object?>(i => i is JourneyOrchestrationInput && ((JourneyOrchestrationInput)i).InstanceId == BillPaymentInstance),
            It.Is<StartOrchestrationOptions?>(o => o != null && o.InstanceId == BillPaymentInstance),
            It.IsAny<CancellationToken>()), Times.Once());
        _client.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task HandleAsync_TouchpointForAnInstance_RaisesItToTheOrchestration()
    {
        await _harness.Runtime.DeploySamplesAsync(SampleJourneys.BillPayment);
        Assert.IsType<SettleDecision.Complete>(await HandleAsync(Invoice("e1")));

        var decision = await HandleAsync(TestEvents.CloudEvent("e2", "payment.completed", Customer, """{ "amount": 120 }"""));

        Assert.IsType<SettleDecision.Complete>(decision);
        _client.Verify(c => c.RaiseEventAsync(
            BillPaymentInstance, JourneyOrchestrationNames.TouchpointEvent,
            It.Is<object?>(p => p is RaisedTouchpoint && ((RaisedTouchpoint)p).Id == "e2"),
            It.IsAny<CancellationToken>()), Times.Once());
    }

    [Theory]
    [MemberData(nameof(AlreadyStartedFailures))]
    public async Task HandleAsync_StartThatAlreadyExists_IsToleratedAndCompletes(Exception alreadyStarted)
    {
        await _harness.Runtime.DeploySamplesAsync(SampleJourneys.BillPayment);
        _client.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(
                It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(alreadyStarted);

        var decision = await HandleAsync(Invoice("e1"));

        Assert.IsType<SettleDecision.Complete>(decision);
    }

    [Fact]
    public async Task HandleAsync_DurableBackendUnavailable_Abandons()
    {
        await _harness.Runtime.DeploySamplesAsync(SampleJourneys.BillPayment);
        _client.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(
                It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RpcException(new Status(StatusCode.Unavailable, "the host is restarting")));

        var decision = await HandleAsync(Invoice("e1"));

        Assert.IsType<SettleDecision.Abandon>(decision);
    }

    [Fact]
    public async Task HandleAsync_StoreUnavailable_AbandonsWithoutTouchingOrchestrations()
    {
        await _harness.Runtime.DeploySamplesAsync(SampleJourneys.BillPayment);
        _harness.Runtime.Customers.LoadFailure = new InvalidOperationException("injected: the store is down");

        var decision = await HandleAsync(Invoice("e1"));

        Assert.IsType<SettleDecision.Abandon>(decision);
        _client.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task HandleAsync_RedeliveryAfterAFailedStart_StartsAgainAndCompletes()
    {
        await _harness.Runtime.DeploySamplesAsync(SampleJourneys.BillPayment);
        _client.SetupSequence(c => c.ScheduleNewOrchestrationInstanceAsync(
                It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RpcException(new Status(StatusCode.Unavailable, "the host is restarting")))
            .ReturnsAsync(BillPaymentInstance);
        Assert.IsType<SettleDecision.Abandon>(await HandleAsync(Invoice("e1")));

        var decision = await HandleAsync(Invoice("e1"), deliveryCount: 2);

        Assert.IsType<SettleDecision.Complete>(decision);
        _client.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(
            It.IsAny<TaskName>(), It.IsAny<object?>(),
            It.Is<StartOrchestrationOptions?>(o => o != null && o.InstanceId == BillPaymentInstance),
            It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task HandleAsync_CancelledWhileStarting_ThrowsSoTheMessageIsLeftUnsettled()
    {
        await _harness.Runtime.DeploySamplesAsync(SampleJourneys.BillPayment);
        using var cancellation = new CancellationTokenSource();
        _client.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(
                It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .Callback(() => cancellation.Cancel())
            .ThrowsAsync(new OperationCanceledException(cancellation.Token));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            _ingress.HandleAsync(Utf8(Invoice("e1")), "m1", 1, _client.Object, cancellation.Token));
    }

    [Theory]
    [MemberData(nameof(AlreadyStartedFailures))]
    public void IsAlreadyStarted_InstanceExists_IsTrue(Exception exception) =>
        Assert.True(DurableTouchpointIngress.IsAlreadyStarted(exception));

    [Fact]
    public void IsAlreadyStarted_OtherFailure_IsFalse()
    {
        Assert.False(DurableTouchpointIngress.IsAlreadyStarted(new RpcException(new Status(StatusCode.Unavailable, "down"))));
        Assert.False(DurableTouchpointIngress.IsAlreadyStarted(new InvalidOperationException("exists")));
    }

    public static TheoryData<Exception> AlreadyStartedFailures() =>
    [
        new OrchestrationAlreadyExistsException($"An orchestration with instance ID '{BillPaymentInstance}' already exists."),
        new RpcException(new Status(StatusCode.AlreadyExists, "exists")),
    ];

    public void Dispose() => _harness.Dispose();

    private static string Invoice(string id) => TestEvents.CloudEvent(id, "invoice.issued", Customer, TestEvents.InvoiceData(id));

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private Task<SettleDecision> HandleAsync(string body, int deliveryCount = 1) => HandleAsync(Utf8(body), deliveryCount);

    private Task<SettleDecision> HandleAsync(byte[] body, int deliveryCount = 1) =>
        _ingress.HandleAsync(body, "m1", deliveryCount, _client.Object, CancellationToken.None);
}
