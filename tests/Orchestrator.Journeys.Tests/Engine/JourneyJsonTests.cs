using System.Text.Json;
using Orchestrator.Journeys.Definitions;
using Orchestrator.Journeys.Engine;
using Orchestrator.Journeys.Serialization;
using Orchestrator.Journeys.Tests.Support;
using static Orchestrator.Journeys.Tests.Support.JourneyBuilder;

namespace Orchestrator.Journeys.Tests.Engine;

/// <summary>Everything that crosses a process boundary round-trips through <see cref="JourneyJsonContext"/> without loss.</summary>
public class JourneyJsonTests
{
    /// <summary>Runs that leave states with every optional part filled in one way or another.</summary>
    public static TheoryData<string> Runs => ["started", "card-expired", "goal", "exited", "vars-and-delay", "goal-kept-running", "no-data", "stopped"];

    [Theory]
    [MemberData(nameof(Runs))]
    public void State_FromARealRun_RoundTripsToIdenticalJson(string run)
    {
        foreach (var transition in Drive(run).Transitions)
        {
            var json = Serialized.Of(transition.State);

            var copy = Serialized.State(json);

            Assert.Equal(json, Serialized.Of(copy));
        }
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void State_FromARealRun_KeepsEveryValue(string run)
    {
        var state = Drive(run).State;

        var copy = Serialized.RoundTrip(state);

        // Lists and JSON elements compare by reference in records, so compare those through JSON.
        Assert.Equal(state, copy with { Awaiting = state.Awaiting, Vars = state.Vars, Trigger = state.Trigger, LastEvent = state.LastEvent, Trail = state.Trail });
        Assert.NotNull(copy.Trail);
        Assert.Equal(state.Trail!.Signals, copy.Trail.Signals);
        Assert.Equal(state.Trail with { Signals = [] }, copy.Trail with { Signals = [] });
        Assert.Equal(state.Awaiting, copy.Awaiting);
        Assert.Equal(state.NextWakeUpAt, copy.NextWakeUpAt);
        Assert.Equal(Json(state.Vars), Json(copy.Vars));
        Assert.Equal(Json(state.Trigger.Data), Json(copy.Trigger.Data));
        Assert.Equal(state.Trigger with { Data = null }, copy.Trigger with { Data = null });
        Assert.Equal(state.LastEvent is null, copy.LastEvent is null);
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void Transition_FromARealRun_RoundTripsToIdenticalJson(string run)
    {
        foreach (var transition in Drive(run).Transitions)
        {
            var json = Serialized.Of(transition);

            Assert.Equal(json, Serialized.Of(Serialized.Transition(json)));
        }
    }

    [Fact]
    public void State_Json_UsesCamelCaseNamesAndEnumStringsAndOmitsNulls()
    {
        var state = Drive("started").State;

        using var document = JsonDocument.Parse(Serialized.Of(state));
        var root = document.RootElement;

        Assert.Equal("running", root.GetProperty("status").GetString());
        Assert.Equal("events", root.GetProperty("waiting").GetString());
        Assert.Equal("wait-pay", root.GetProperty("currentStep").GetString());
        Assert.Equal("step", root.GetProperty("awaiting")[0].GetProperty("purpose").GetString());
        Assert.False(root.TryGetProperty("outcome", out _));
        Assert.False(root.TryGetProperty("vars", out _));
        Assert.False(root.TryGetProperty("lastEvent", out _));
    }

    [Fact]
    public void Commands_Polymorphic_CarryTheirKindAndRoundTrip()
    {
        JourneyCommand[] commands =
        [
            new SendAction("notify", "email", "invoice-ready", Support.Json.Parse("""{"amount":42.5,"tags":["a"]}"""), "i/notify/1"),
            new SendAction("remind", "sms", "payment-reminder", null, "i/remind/3"),
            new ScheduleWakeUp(new DateTimeOffset(2026, 3, 5, 9, 0, 0, TimeSpan.FromHours(1))),
            new CompleteJourney(JourneyOutcome.Exited, "account.closed"),
            new CompleteJourney(JourneyOutcome.Neutral, null),
        ];

        var json = JsonSerializer.Serialize<IReadOnlyList<JourneyCommand>>(commands, JourneyJsonContext.Default.IReadOnlyListJourneyCommand);
        var copy = JsonSerializer.Deserialize(json, JourneyJsonContext.Default.IReadOnlyListJourneyCommand)!;

        Assert.Equal(json, JsonSerializer.Serialize(copy, JourneyJsonContext.Default.IReadOnlyListJourneyCommand));
        Assert.Equal(["send", "send", "wakeUp", "complete", "complete"], Support.Json.Parse(json).EnumerateArray().Select(c => c.GetProperty("kind").GetString()));
        Assert.Equal(commands[2..], copy.Skip(2));
        Assert.Equal(commands[1], copy[1]);
        Assert.Equal("exited", Support.Json.Parse(json)[3].GetProperty("outcome").GetString());
    }

    [Fact]
    public void Inputs_Polymorphic_RoundTripToTheSameKinds()
    {
        JourneyInput[] inputs =
        [
            new TouchpointReceived(Touchpoints.Of("payment.failed", Clock.T0, """{"reason":"card-expired"}""", id: "e1")),
            WakeUp.Instance,
            new StopRequested("operator"),
            new StopRequested(null),
        ];

        foreach (var input in inputs)
        {
            var json = JsonSerializer.Serialize(input, JourneyJsonContext.Default.JourneyInput);
            var copy = JsonSerializer.Deserialize(json, JourneyJsonContext.Default.JourneyInput)!;

            Assert.Equal(input.GetType(), copy.GetType());
            Assert.Equal(json, JsonSerializer.Serialize(copy, JourneyJsonContext.Default.JourneyInput));
        }
    }

    [Fact]
    public void Decision_WithValues_RoundTrips()
    {
        var decision = new JourneyDecision(
            Clock.T0, DecisionKind.BranchTaken, "help", "card", "case 0", new Dictionary<string, string> { ["event.data.reason"] = "\"card-expired\"", ["vars.n"] = "null" });

        var json = JsonSerializer.Serialize(decision, JourneyJsonContext.Default.JourneyDecision);
        var copy = JsonSerializer.Deserialize(json, JourneyJsonContext.Default.JourneyDecision)!;

        Assert.Equal(decision with { Values = null }, copy with { Values = null });
        Assert.Equal(decision.Values, copy.Values);
        Assert.Contains("\"kind\":\"branchTaken\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_FromADeserializedState_GivesTheSameTransitionAsFromTheOriginal()
    {
        var driver = Drive("vars-and-delay");
        var copy = Serialized.RoundTrip(driver.State);
        var input = new TouchpointReceived(Touchpoints.Of("go", Clock.Day(2), """{"n":1}""", id: "e-go"));

        var fromOriginal = JourneyEngine.Apply(driver.Definition, driver.State, input, Clock.Day(2));
        var fromCopy = JourneyEngine.Apply(driver.Definition, copy, input, Clock.Day(2));
        var woken = JourneyEngine.Apply(driver.Definition, copy, WakeUp.Instance, Clock.Day(30));

        Assert.Equal(Serialized.Of(fromOriginal), Serialized.Of(fromCopy));
        Assert.Equal(
            Serialized.Of(JourneyEngine.Apply(driver.Definition, driver.State, WakeUp.Instance, Clock.Day(30))),
            Serialized.Of(woken));
    }

    private static string? Json(JsonElement? element) => element is { } e ? Support.Json.Compact(e) : null;

    private static EngineDriver Drive(string run)
    {
        switch (run)
        {
            case "started":
                return Bill();
            case "card-expired":
                var card = Bill();
                card.Touch("payment.failed", Clock.Day(1), """{"reason":"card-expired","card":{"last4":"4242","expires":"2026-02"}}""");
                card.WakeWhenDue();
                return card;
            case "goal":
                var goal = Bill();
                goal.Touch("payment.completed", Clock.Day(2), """{"amount":42.5}""");
                return goal;
            case "exited":
                var exited = Bill();
                exited.Touch("account.closed", Clock.Day(2));
                return exited;
            case "stopped":
                var stopped = Bill();
                stopped.Stop(Clock.Day(2), "operator");
                return stopped;
            case "goal-kept-running":
                var kept = new EngineDriver(new JourneyBuilder()
                    .Goal("paid", exitOnGoal: false)
                    .MaxDuration(TimeSpan.FromDays(10))
                    .WaitFor("wait", TimeSpan.FromDays(1), "wait", On("x", "wait"))
                    .Build());
                kept.Start(Touchpoints.Of("test.entered", Clock.T0, id: "t"));
                kept.Touch("paid", Clock.T0.AddHours(1), """{"ok":true}""");
                return kept;
            case "no-data":
                var noData = new EngineDriver(new JourneyBuilder().WaitFor("wait", null, null, On("x", "wait")).Build());
                noData.Start(Touchpoints.Of("test.entered", Clock.T0, id: "t"));
                noData.Touch("x", Clock.Day(1));
                return noData;
            default:
                var vars = new EngineDriver(new JourneyBuilder()
                    .MaxDuration(TimeSpan.FromDays(20))
                    .Set("remember", """{"amount":"{{trigger.data.amount}}","who":"{{customer.id}} \u00e9\u00e8 <&>","list":[1,"{{trigger.data.tags}}",{"k":null}]}""", "wait")
                    .WaitFor("wait", TimeSpan.FromDays(3), "pause", On("go", "pause"))
                    .Delay("pause", TimeSpan.FromDays(1), "send")
                    .Send("send", "web", "banner", "end", data: """{"n":"{{event.data.n}}","amount":"{{vars.amount}}"}""")
                    .End("end", JourneyOutcome.Neutral, "done")
                    .Build());
                vars.Start(new Touchpoint("t/1", "test.entered", "app", "c:1", new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(1)), Support.Json.Parse("""{"amount":1e2,"tags":["a","b"]}""")));
                return vars;
        }
    }

    private static EngineDriver Bill()
    {
        var driver = new EngineDriver(SampleJourneys.BillPayment);
        driver.Start(Touchpoints.Invoice(Clock.T0));
        return driver;
    }
}
