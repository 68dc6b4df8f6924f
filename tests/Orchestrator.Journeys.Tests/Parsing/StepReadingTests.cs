using Orchestrator.Journeys.Definitions;
using Orchestrator.Journeys.Parsing;
using Orchestrator.Journeys.Templates;

namespace Orchestrator.Journeys.Tests.Parsing;

public sealed class StepReadingTests
{
    [Theory]
    [InlineData("PT0S", 0.0)]
    [InlineData("PT30M", 30 * 60.0)]
    public void Read_DelayDuration_AllowsZero(string duration, double seconds)
    {
        var delay = ReadRemind($$"""{ "type": "delay", "duration": "{{duration}}", "next": "wait-pay" }""");

        Assert.Equal(new DelayStep("remind", new FixedDelay(TimeSpan.FromSeconds(seconds)), "wait-pay"), delay);
    }

    [Fact]
    public void Read_DelayUntil_ParsesTheFieldPath()
    {
        var delay = Assert.IsType<DelayStep>(ReadRemind("""{ "type": "delay", "until": "trigger.data.dueDate", "next": "wait-pay" }"""));

        Assert.Equal("trigger.data.dueDate", Assert.IsType<InstantFromField>(delay.Target).Field.Text);
    }

    [Fact]
    public void Read_DelayWindowWithDaysAndZone_BuildsTheWindow()
    {
        var delay = Assert.IsType<DelayStep>(ReadRemind(
            """{ "type": "delay", "window": "09:00-18:30", "days": [ "Mon", "Fri", "Sun" ], "timeZone": "Europe/Paris", "next": "wait-pay" }"""));

        var window = Assert.IsType<WindowOpening>(delay.Target).Window;
        Assert.Equal((new TimeOnly(9, 0), new TimeOnly(18, 30)), (window.Opens, window.Closes));
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Friday, DayOfWeek.Sunday], window.Days);
        Assert.Equal("Europe/Paris", window.TimeZone);
        Assert.Null(window.TimeZoneField);
    }

    [Fact]
    public void Read_DelayWindowAlone_OpensEveryDayInUtc()
    {
        var window = WindowOf(ReadRemind("""{ "type": "delay", "window": "08:00-20:00", "next": "wait-pay" }"""));

        Assert.Empty(window.Days);
        Assert.Equal("UTC", window.TimeZone);
        Assert.Null(window.TimeZoneField);
    }

    [Theory]
    [InlineData("event.data.timeZone")]
    [InlineData("trigger.data.customer.tz")]
    [InlineData("vars.timeZone")]
    public void Read_DelayWindowZoneFromAField_KeepsTheFieldPath(string field)
    {
        var window = WindowOf(ReadRemind(
            $$"""{ "type": "delay", "window": "08:00-20:00", "timeZone": "{{field}}", "next": "wait-pay" }"""));

        Assert.Null(window.TimeZone);
        Assert.Equal(field, window.TimeZoneField!.Text);
    }

    [Fact]
    public void Read_SetStep_CompilesEveryVariableInOrder()
    {
        var set = Assert.IsType<SetStep>(ReadRemind(
            """{ "type": "set", "vars": { "tier": "gold", "amount": "{{trigger.data.amount}}", "_seen": 1 }, "next": "wait-pay" }"""));

        Assert.Equal(["tier", "amount", "_seen"], set.Vars.Keys);
        Assert.True(set.Vars["tier"].IsConstant);
        Assert.IsType<TextTemplate>(set.Vars["amount"]);
        Assert.Equal("wait-pay", set.Next);
    }

    [Fact]
    public void Read_SplitStep_KeepsWeightsAndLabels()
    {
        var split = Assert.IsType<SplitStep>(ReadRemind(
            """{ "type": "split", "branches": [ { "weight": 90, "next": "wait-pay", "label": "treatment" }, { "weight": 0, "next": "thanks" } ] }"""));

        Assert.Equal([new SplitBranch(90, "wait-pay", "treatment"), new SplitBranch(0, "thanks", null)], split.Branches);
    }

    [Fact]
    public void Read_EndStepWithReason_KeepsIt()
    {
        var end = ReadRemind("""{ "type": "end", "outcome": "failure", "reason": "card declined" }""", "/steps/thanks");

        Assert.Equal(new EndStep("thanks", JourneyOutcome.Failure, "card declined"), end);
    }

    [Fact]
    public void Read_WaitForWithoutTimeout_WaitsForever()
    {
        var json = JourneyJson.Edit(("/steps/wait-pay/timeout", null), ("/steps/wait-pay/onTimeout", null), ("/steps/remind", null), ("/steps/card/next", "\"thanks\""), ("/steps/agent/next", "\"thanks\""));

        var waitFor = Assert.IsType<WaitForStep>(Read(json).Steps["wait-pay"]);

        Assert.Null(waitFor.Timeout);
        Assert.Null(waitFor.OnTimeout);
    }

    [Theory]
    [InlineData("""{ "type": "send", "channel": "sms", "action": "a", "next": "wait-pay", "window": "09:00-18:00" }""", "/steps/remind/window")]
    [InlineData("""{ "type": "end", "outcome": "neutral", "next": "wait-pay" }""", "/steps/remind/next")]
    [InlineData("""{ "type": "delay", "window": "09:00-18:00", "next": "wait-pay", "timeout": "P1D" }""", "/steps/remind/timeout")]
    [InlineData("""{ "type": "branch", "cases": [ { "when": { "field": "event.type", "op": "exists" }, "next": "thanks", "weight": 1 } ], "default": "wait-pay" }""", "/steps/remind/cases/0/weight")]
    public void Read_PropertyOfAnotherStepType_IsUnknown(string step, string pointer)
    {
        var result = JourneyDefinitionReader.Read(JourneyJson.With("/steps/remind", step));

        Assert.Contains(result.Errors, e => e.Pointer == pointer && e.Message.StartsWith("unknown property", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_UnknownStepType_ReportsOnlyTheType()
    {
        var result = JourneyDefinitionReader.Read(JourneyJson.With("/steps/remind", """{ "type": "email", "to": "x", "next": "wait-pay" }"""));

        var error = Assert.Single(result.Errors);
        Assert.Equal("/steps/remind/type", error.Pointer);
    }

    private static JourneyStep ReadRemind(string step, string pointer = "/steps/remind")
    {
        var definition = Read(JourneyJson.With(pointer, step));
        return definition.Steps[pointer["/steps/".Length..]];
    }

    private static JourneyDefinition Read(string json)
    {
        var result = JourneyDefinitionReader.Read(json);
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        return result.Definition;
    }

    private static TimeWindow WindowOf(JourneyStep step) => Assert.IsType<WindowOpening>(Assert.IsType<DelayStep>(step).Target).Window;
}
