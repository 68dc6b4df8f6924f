using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Moq;
using Orchestrator.Durable.Orchestration;
using Orchestrator.Functions.Journeys;
using Orchestrator.Journeys;

namespace Orchestrator.Functions.Tests.Journeys;

public sealed class JourneyFunctionsTests
{
    private const string Pinger = """
        { "id": "pinger", "name": "Pinger", "entry": { "event": "ping.start" }, "start": "wait",
          "steps": { "wait": { "type": "waitFor", "events": [ { "event": "ping", "next": "done" } ], "timeout": "P1D", "onTimeout": "done" },
                     "done": { "type": "end", "outcome": "success" } } }
        """;

    private static readonly DateTime T0 = new(2025, 3, 3, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Functions_EveryOrchestratorAndActivityName_IsBoundOnce()
    {
        // Every name but the external events' is something the runtime must find a function for.
        var names = typeof(JourneyOrchestrationNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name is not (nameof(JourneyOrchestrationNames.TouchpointEvent) or nameof(JourneyOrchestrationNames.MigrateEvent)))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Order();
        var bound = typeof(JourneyFunctions).GetMethods()
            .Select(m => m.GetCustomAttribute<FunctionAttribute>()?.Name)
            .OfType<string>()
            .Order();

        Assert.Equal(names, bound);
    }

    [Fact]
    public async Task RunOrchestrator_TouchpointBeatsTimer_CancelsTimerAndCompletes()
    {
        var trigger = new Touchpoint("t1", "ping.start", "app", "c1", T0, null);
        var input = JourneyOrchestration.StartInput("pinger:c1:t1", "pinger", 1, trigger);
        var ping = trigger with { Id = "t2", Type = "ping" };
        var timer = new TaskCompletionSource();
        CancellationToken timerToken = default;
        var context = new Mock<TaskOrchestrationContext>();
        context.Setup(c => c.InstanceId).Returns(input.InstanceId);
        context.Setup(c => c.CurrentUtcDateTime).Returns(T0);
        context.Setup(c => c.GetInput<JourneyOrchestrationInput>()).Returns(input);
        context.Setup(c => c.CallActivityAsync<string>(It.Is<TaskName>(n => n.Name == JourneyOrchestrationNames.LoadDefinition), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .ReturnsAsync(Pinger);
        context.Setup(c => c.CallActivityAsync<ActivityResult>(It.Is<TaskName>(n => n.Name == JourneyOrchestrationNames.RecordTransition), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .ReturnsAsync(new ActivityResult(null, []));
        context.Setup(c => c.WaitForExternalEvent<RaisedTouchpoint>(JourneyOrchestrationNames.TouchpointEvent, It.IsAny<CancellationToken>()))
            .ReturnsAsync(RaisedTouchpoint.Of(ping, customer: null));
        context.Setup(c => c.CreateTimer(T0.AddDays(1), It.IsAny<CancellationToken>()))
            .Callback<DateTime, CancellationToken>((_, token) => timerToken = token)
            .Returns(timer.Task);

        var output = await JourneyFunctions.RunOrchestrator(context.Object);

        Assert.Equal("success", output!.Outcome);
        Assert.True(timerToken.IsCancellationRequested);
        context.Verify(c => c.CallActivityAsync<ActivityResult>(
            It.Is<TaskName>(n => n.Name == JourneyOrchestrationNames.RecordTransition), It.IsAny<object?>(), It.IsAny<TaskOptions?>()), Times.Exactly(2));
        context.Verify(c => c.SetCustomStatus(It.IsAny<object?>()), Times.AtLeastOnce());
    }
}
