using System.Text.Json;
using Orchestrator.Application.Tests.Support;
using Orchestrator.Durable.Orchestration;
using Orchestrator.Journeys.Engine;
using Orchestrator.Journeys.Serialization;

namespace Orchestrator.Durable.Tests.Orchestration;

/// <summary>
/// Durable payloads carry engine types as themselves: whatever System.Text.Json options a Durable worker's converter
/// uses, they come back exactly as <c>JourneyJsonContext</c> would write them.
/// </summary>
public sealed class PayloadSerializationTests
{
    public static TheoryData<string> WorkerOptions() => ["default", "web"];

    [Theory]
    [MemberData(nameof(WorkerOptions))]
    public void OrchestrationInputAndTransition_RoundTripThroughAWorkerConverter_Unchanged(string optionsName)
    {
        var options = optionsName == "web" ? new JsonSerializerOptions(JsonSerializerDefaults.Web) : new JsonSerializerOptions();
        var definition = SampleJourneys.Sample(SampleJourneys.BillPayment);
        var trigger = TestEvents.Of("e1", "invoice.issued", "c1", TestEvents.InvoiceData("e1"));
        var started = JourneyEngine.Start(definition, "i1", trigger, TestRuntime.T0);
        var failed = JourneyEngine.Apply(definition, started.State, new TouchpointReceived(TestEvents.Of("e2", "payment.failed", "c1", """{ "reason": "card-expired" }""")), TestRuntime.T0.AddHours(1));
        var input = JourneyOrchestration.StartInput("i1", definition, trigger) with { State = failed.State, RecentTouchpoints = ["e1", "e2"], Generation = 3 };
        var request = new TransitionRequest(failed, "touchpoint", trigger, Started: false, ["e1", "e2"]);

        var inputBack = JsonSerializer.Deserialize<JourneyOrchestrationInput>(JsonSerializer.Serialize(input, options), options)!;
        var requestBack = JsonSerializer.Deserialize<TransitionRequest>(JsonSerializer.Serialize(request, options), options)!;

        Assert.Equal(Canonical(failed.State), Canonical(inputBack.State!));
        Assert.Equal(JsonSerializer.Serialize(trigger, JourneyJsonContext.Default.Touchpoint), JsonSerializer.Serialize(inputBack.Trigger!, JourneyJsonContext.Default.Touchpoint));
        Assert.Equal(["e1", "e2"], inputBack.RecentTouchpoints);
        Assert.Equal(3, inputBack.Generation);
        Assert.Equal(
            JsonSerializer.Serialize(failed, JourneyJsonContext.Default.JourneyTransition),
            JsonSerializer.Serialize(requestBack.Transition, JourneyJsonContext.Default.JourneyTransition));
        Assert.Contains(requestBack.Transition.Commands, c => c is SendAction);
    }

    private static string Canonical(JourneyState state) => JsonSerializer.Serialize(state, JourneyJsonContext.Default.JourneyState);
}
