using System.Text;
using System.Text.Json;
using Orchestrator.Journeys.Conditions;
using Orchestrator.Journeys.Definitions;
using Orchestrator.Journeys.Parsing;
using Orchestrator.Journeys.Templates;

namespace Orchestrator.Journeys.Tests.Parsing;

public sealed class JourneyDefinitionReaderTests
{
    [Fact]
    public void Read_BillPayment_ReturnsTheTypedModel()
    {
        var result = JourneyDefinitionReader.Read(JourneyJson.BillPayment);

        Assert.Empty(result.Errors);
        Assert.True(result.IsValid);
        var journey = result.Definition;
        Assert.Equal("bill-payment", journey.Id);
        Assert.Equal("Bill payment", journey.Name);
        Assert.Equal("service", journey.Category);
        Assert.Equal(100, journey.Priority);
        Assert.Equal(0, journey.Version);
        Assert.Equal(TimeSpan.FromDays(60), journey.MaxDuration);
        Assert.Equal("notify", journey.Start);
        Assert.Equal(["support-case"], journey.SuppressWhileActive);
        Assert.Equal(new EventCriteria("account.closed", null), Assert.Single(journey.Exit));

        Assert.Equal("invoice.issued", journey.Entry.Event);
        Assert.Equal(ReentryPolicy.AfterExit, journey.Entry.Reentry);
        Assert.Equal(TimeSpan.FromDays(7), journey.Entry.Cooldown);
        var entryWhen = Assert.IsType<FieldCondition>(journey.Entry.When);
        Assert.Equal("event.data.amount", entryWhen.Field.Text);
        Assert.Equal(ConditionOperator.Gt, entryWhen.Operator);
        Assert.Equal(0, entryWhen.Value!.Value.GetInt32());

        Assert.Equal(new GoalCriteria("payment.completed", null, TimeSpan.FromDays(30), ExitOnGoal: true), journey.Goal);
    }

    [Fact]
    public void Read_BillPayment_ReadsEveryStepInDocumentOrder()
    {
        var steps = JourneyDefinitionReader.Read(JourneyJson.BillPayment).Definition!.Steps;

        Assert.Equal(["notify", "wait-pay", "remind", "help", "card", "agent", "thanks"], steps.Keys);

        var notify = Assert.IsType<SendStep>(steps["notify"]);
        Assert.Equal(("email", "invoice-ready", "wait-pay"), (notify.Channel, notify.Action, notify.Next));
        Assert.False(Assert.IsType<ObjectTemplate>(notify.Data).IsConstant);

        var waitPay = Assert.IsType<WaitForStep>(steps["wait-pay"]);
        Assert.Equal([new WaitForEvent("payment.completed", null, "thanks"), new WaitForEvent("payment.failed", null, "help")], waitPay.Events);
        Assert.Equal(TimeSpan.FromDays(3), waitPay.Timeout);
        Assert.Equal("remind", waitPay.OnTimeout);

        var help = Assert.IsType<BranchStep>(steps["help"]);
        var helpCase = Assert.Single(help.Cases);
        Assert.Equal("card", helpCase.Next);
        Assert.Equal("event.data.reason eq \"card-expired\"", helpCase.When.Describe());
        Assert.Equal("agent", help.Default);

        Assert.Equal(new EndStep("thanks", JourneyOutcome.Success, null), steps["thanks"]);
    }

    [Fact]
    public void Read_BillPayment_KeptValuesOutliveTheParsedDocument()
    {
        var journey = JourneyDefinitionReader.Read(JourneyJson.BillPayment).Definition!;
        using var data = JsonDocument.Parse("""{ "amount": 42, "reason": "card-expired" }""");
        var touchpoint = new Touchpoint("t1", "invoice.issued", "billing", "c1", DateTimeOffset.UnixEpoch, data.RootElement);
        var scope = new EvaluationScope(touchpoint, touchpoint, null, "c1", "i1", journey.Id, journey.Version);

        var rendered = ((SendStep)journey.Steps["notify"]).Data!.Render(scope);

        Assert.True(journey.Entry.When!.Evaluate(scope));
        Assert.True(((BranchStep)journey.Steps["help"]).Cases[0].When.Evaluate(scope));
        Assert.Equal("""{"amount":42}""", rendered.GetRawText());
    }

    [Fact]
    public void Read_OptionalPropertiesAbsent_UsesDefaults()
    {
        var json = JourneyJson.Edit(
            ("/entry/reentry", null),
            ("/entry/cooldown", null),
            ("/goal", null),
            ("/exit", null),
            ("/suppressWhileActive", null),
            ("/maxDuration", null),
            ("/priority", null),
            ("/category", null),
            ("/description", null),
            ("/$schema", null));

        var journey = JourneyDefinitionReader.Read(json).Definition!;

        Assert.Equal(ReentryPolicy.AfterExit, journey.Entry.Reentry);
        Assert.Null(journey.Entry.Cooldown);
        Assert.Null(journey.Goal);
        Assert.Empty(journey.Exit);
        Assert.Empty(journey.SuppressWhileActive);
        Assert.Null(journey.MaxDuration);
        Assert.Equal(0, journey.Priority);
        Assert.Null(journey.Category);
    }

    [Fact]
    public void Read_GoalWithExitOnGoalFalse_KeepsIt()
    {
        var journey = JourneyDefinitionReader.Read(JourneyJson.With("/goal/exitOnGoal", "false")).Definition!;

        Assert.False(journey.Goal!.ExitOnGoal);
    }

    [Theory]
    [InlineData("never", ReentryPolicy.Never)]
    [InlineData("afterExit", ReentryPolicy.AfterExit)]
    [InlineData("always", ReentryPolicy.Always)]
    public void Read_Reentry_MapsEachName(string name, ReentryPolicy expected)
    {
        var journey = JourneyDefinitionReader.Read(JourneyJson.With("/entry/reentry", $"\"{name}\"")).Definition!;

        Assert.Equal(expected, journey.Entry.Reentry);
    }

    [Fact]
    public void Read_DescriptionOnEveryObject_IsAccepted()
    {
        var json = JourneyJson.Edit(
            ("/entry/description", "\"d\""),
            ("/entry/when/description", "\"d\""),
            ("/goal/description", "\"d\""),
            ("/exit/0/description", "\"d\""),
            ("/steps/notify/description", "\"d\""),
            ("/steps/wait-pay/events/0/description", "\"d\""),
            ("/steps/help/cases/0/description", "\"d\""));

        var result = JourneyDefinitionReader.Read(json);

        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Read_SeveralProblems_ReportsEveryOneAtOnce()
    {
        var json = JourneyJson.Edit(
            ("/colour", "\"blue\""),
            ("/maxDuration", "\"P1M\""),
            ("/entry/when/op", "\"bigger\""),
            ("/steps/remind/next", "\"nowhere\""),
            ("/steps/thanks/outcome", "\"great\""),
            ("/steps/notify/data", """{ "x": "{{foo.bar}}" }"""));

        var result = JourneyDefinitionReader.Read(json);

        Assert.Null(result.Definition);
        Assert.Equal(
            ["/colour", "/entry/when/op", "/maxDuration", "/steps/notify/data/x", "/steps/remind/next", "/steps/thanks/outcome"],
            result.Errors.Select(e => e.Pointer).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Read_ByteOrderMark_IsSkipped()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(JourneyJson.BillPayment)).ToArray();

        var result = JourneyDefinitionReader.Read(bytes);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
    }

    [Theory]
    [InlineData("\"Bill payment\"", "/name")]
    [InlineData("\"payment.completed\", \"next\"", "/steps/wait-pay/events/0/event")]
    [InlineData("\"wait-pay\": {", "/steps")]
    public void Read_InvalidUtf8InAString_ReportsOneErrorAtItsPointer(string text, string pointer)
    {
        // A raw 0xC3 0x28 (an ill-formed pair) in place of the text's first character; a bad property name is its object's.
        var valid = Encoding.UTF8.GetBytes(JourneyJson.BillPayment);
        var at = JourneyJson.BillPayment.IndexOf(text, StringComparison.Ordinal) + 1;
        byte[] bytes = [.. valid[..at], 0xC3, 0x28, .. valid[(at + 1)..]];

        var result = JourneyDefinitionReader.Read(bytes);

        var error = Assert.Single(result.Errors);
        Assert.Equal(new DefinitionError(pointer, "is not valid UTF-8"), error);
    }

    [Fact]
    public void Read_InvalidUtf8OutsideAnyString_ReportsOneErrorAtTheRoot()
    {
        byte[] bytes = [.. "{\"id\": \"x\" "u8, 0xC3, 0x28, .. "}"u8];

        var result = JourneyDefinitionReader.Read(bytes);

        Assert.Equal([new DefinitionError("", "is not valid UTF-8")], result.Errors);
    }

    [Fact]
    public void Read_ExactlyMaxSteps_IsValid()
    {
        var result = JourneyDefinitionReader.Read(JourneyJson.Chain(JourneyDefinitionReader.MaxSteps));

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(JourneyDefinitionReader.MaxSteps, result.Definition.Steps.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("\"journey\"")]
    [InlineData("{")]
    [InlineData("{}")]
    [InlineData("{\"steps\": []}")]
    [InlineData("{\"id\": 1, \"name\": [], \"entry\": \"x\", \"start\": {}, \"steps\": {\"a\": 7, \"b\": {\"type\": 3}}}")]
    [InlineData("{\"start\": \"a\", \"steps\": {\"a\": {\"type\": \"branch\", \"cases\": [{\"when\": {\"all\": 5}, \"next\": \"a\"}, 3], \"default\": 9}}}")]
    [InlineData("{\"start\": \"a\", \"steps\": {\"a\": {\"type\": \"delay\", \"window\": \"-\", \"days\": [1, \"Mon\", \"Mon\"], \"timeZone\": \"\"}}}")]
    [InlineData("{\"start\": \"a\", \"steps\": {\"a\": {\"type\": \"split\", \"branches\": [{\"weight\": 1e400, \"next\": \"a\"}]}}}")]
    public void Read_MalformedInput_ReportsErrorsWithoutThrowing(string json)
    {
        var result = JourneyDefinitionReader.Read(json);

        Assert.Null(result.Definition);
        Assert.NotEmpty(result.Errors);
        Assert.All(result.Errors, e => Assert.True(e.Pointer.Length == 0 || e.Pointer[0] == '/', e.ToString()));
    }

    [Fact]
    public void Read_DeeplyNestedJson_ReportsTheDepthLimit()
    {
        // Spliced in as text: the test's own JSON tools stop at the same depth.
        var json = JourneyJson.BillPayment.Replace("\"description\": \"optional\"", $"\"description\": {new string('[', 100)}{new string(']', 100)}", StringComparison.Ordinal);

        var error = Assert.Single(JourneyDefinitionReader.Read(json).Errors);

        Assert.Equal("", error.Pointer);
        Assert.Contains("maximum configured depth of 64", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DuplicateProperty_ReportsIt()
    {
        var json = JourneyJson.BillPayment.Replace("\"name\": \"Bill payment\"", "\"name\": \"Bill payment\", \"name\": \"Other\"", StringComparison.Ordinal);

        var error = Assert.Single(JourneyDefinitionReader.Read(json).Errors);

        Assert.Equal(new DefinitionError("/name", "duplicate property 'name'"), error);
    }
}
