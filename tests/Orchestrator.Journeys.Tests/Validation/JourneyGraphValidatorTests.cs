using Orchestrator.Journeys.Conditions;
using Orchestrator.Journeys.Definitions;
using Orchestrator.Journeys.Parsing;
using Orchestrator.Journeys.Validation;

namespace Orchestrator.Journeys.Tests.Validation;

public sealed class JourneyGraphValidatorTests
{
    private static readonly Condition Always = new AllCondition([]);

    [Fact]
    public void Validate_LoopThroughWaitFor_IsAccepted()
    {
        var errors = Validate("ask",
            new SendStep("ask", "sms", "question", null, "wait"),
            new WaitForStep("wait", [new WaitForEvent("answer", null, "done")], TimeSpan.FromDays(1), "ask"),
            new EndStep("done", JourneyOutcome.Success, null));

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_LoopThroughDelay_IsAccepted()
    {
        var errors = Validate("poll",
            new BranchStep("poll", [new BranchCase(Always, "done")], "later"),
            new DelayStep("later", new FixedDelay(TimeSpan.FromHours(1)), "poll"),
            new EndStep("done", JourneyOutcome.Success, null));

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_LoopWithoutWaiting_IsReportedOnceAtItsFirstStep()
    {
        var errors = Validate("start",
            new SendStep("start", "email", "hello", null, "b"),
            new SendStep("b", "email", "again", null, "c"),
            new SetStep("c", new Dictionary<string, Templates.JsonTemplate>(), "d"),
            new BranchStep("d", [new BranchCase(Always, "b")], "end"),
            new EndStep("end", JourneyOutcome.Neutral, null));

        var error = Assert.Single(errors);
        Assert.Equal("/steps/b", error.Pointer);
        Assert.Contains("the loop b → c → d → b has no delay or waitFor step", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_StepThatLeadsToItself_IsASpinningLoop()
    {
        var errors = Validate("again", new SplitStep("again", [new SplitBranch(1, "again", null), new SplitBranch(1, "end", null)]), new EndStep("end", JourneyOutcome.Neutral, null));

        Assert.Equal([new DefinitionError("/steps/again", "the loop again → again has no delay or waitFor step, so an instance would go round it without ever waiting")], errors);
    }

    [Fact]
    public void Validate_OverlappingLoops_AreReportedOnceWithTheShortestLoop()
    {
        // a → b → a and a → b → c → a share steps; one report covers the knot.
        var errors = Validate("a",
            new BranchStep("a", [new BranchCase(Always, "b")], "b"),
            new BranchStep("b", [new BranchCase(Always, "c")], "a"),
            new BranchStep("c", [new BranchCase(Always, "end")], "a"),
            new EndStep("end", JourneyOutcome.Neutral, null));

        var error = Assert.Single(errors);
        Assert.Equal("/steps/a", error.Pointer);
        Assert.Contains("a → b → a ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeparateLoops_AreEachReported()
    {
        var errors = Validate("a",
            new SendStep("a", "email", "x", null, "a"),
            new SendStep("b", "email", "x", null, "b"));

        Assert.Equal(["/steps/a", "/steps/b", "/steps/b"], errors.Select(e => e.Pointer).Order(StringComparer.Ordinal));
        Assert.Contains(errors, e => e.Message == "step 'b' is unreachable from start 'a'");
    }

    [Fact]
    public void Validate_UnknownTargets_AreReportedWhereTheyAreNamed()
    {
        var errors = Validate("wait",
            new WaitForStep("wait", [new WaitForEvent("x", null, "end"), new WaitForEvent("y", null, "gone1")], TimeSpan.FromDays(1), "gone2"),
            new BranchStep("branch", [new BranchCase(Always, "gone3")], "gone4"),
            new SplitStep("split", [new SplitBranch(1, "end", null), new SplitBranch(1, "gone5", null)]),
            new DelayStep("delay", new FixedDelay(TimeSpan.FromHours(1)), "gone6"),
            new EndStep("end", JourneyOutcome.Neutral, null));

        Assert.Equal(
            [
                ("/steps/wait/events/1/next", "unknown step 'gone1'"),
                ("/steps/wait/onTimeout", "unknown step 'gone2'"),
                ("/steps/branch/cases/0/next", "unknown step 'gone3'"),
                ("/steps/branch/default", "unknown step 'gone4'"),
                ("/steps/split/branches/1/next", "unknown step 'gone5'"),
                ("/steps/delay/next", "unknown step 'gone6'"),
            ],
            errors.Where(e => e.Message.StartsWith("unknown", StringComparison.Ordinal)).Select(e => (e.Pointer, e.Message)));
    }

    [Fact]
    public void Validate_UnreachableSteps_AreReportedInDocumentOrder()
    {
        var errors = Validate("a",
            new EndStep("a", JourneyOutcome.Success, null),
            new SendStep("island", "sms", "x", null, "a"),
            new EndStep("z", JourneyOutcome.Failure, null));

        Assert.Equal(
            [new DefinitionError("/steps/island", "step 'island' is unreachable from start 'a'"), new DefinitionError("/steps/z", "step 'z' is unreachable from start 'a'")],
            errors);
    }

    [Fact]
    public void Validate_UnknownStart_IsReportedAtStartAlone()
    {
        var errors = Validate("missing", new EndStep("a", JourneyOutcome.Success, null));

        Assert.Equal([new DefinitionError("/start", "unknown step 'missing'")], errors);
    }

    [Fact]
    public void Validate_StepIdWithSlash_IsEscapedInThePointer()
    {
        var errors = Validate("a", new SendStep("a", "sms", "x", null, "b/c~d"), new SendStep("b/c~d", "sms", "x", null, "nowhere"));

        Assert.Equal([new DefinitionError("/steps/b~1c~0d/next", "unknown step 'nowhere'")], errors);
    }

    [Fact]
    public void Validate_BillPayment_HasNoProblems()
    {
        var journey = JourneyDefinitionReader.Read(Parsing.JourneyJson.BillPayment).Definition!;

        Assert.Empty(JourneyGraphValidator.Validate(journey));
    }

    public static TheoryData<JourneyStep> EveryStepType => new()
    {
        new SendStep("s", "sms", "a", null, "n1"),
        new DelayStep("s", new FixedDelay(TimeSpan.FromHours(1)), "n1"),
        new WaitForStep("s", [new WaitForEvent("e1", null, "n1"), new WaitForEvent("e2", null, "n2")], TimeSpan.FromDays(1), "n3"),
        new WaitForStep("s", [new WaitForEvent("e1", null, "n1")], null, null),
        new BranchStep("s", [new BranchCase(Always, "n1"), new BranchCase(Always, "n2")], "n3"),
        new SplitStep("s", [new SplitBranch(1, "n1", null), new SplitBranch(2, "n2", "b")]),
        new SetStep("s", new Dictionary<string, Templates.JsonTemplate>(), "n1"),
        new EndStep("s", JourneyOutcome.Neutral, null),
    };

    [Theory]
    [MemberData(nameof(EveryStepType))]
    public void StepReferences_EveryStepType_NamesExactlyItsSuccessors(JourneyStep step)
    {
        Assert.Equal(step.Successors, StepReferences.Of(step).Select(r => r.Target));
    }

    private static IReadOnlyList<DefinitionError> Validate(string start, params JourneyStep[] steps)
    {
        var byId = new OrderedDictionary<string, JourneyStep>(StringComparer.Ordinal);
        foreach (var step in steps)
        {
            byId.Add(step.Id, step);
        }

        var entry = new EntryCriteria("start", null, ReentryPolicy.AfterExit, null);
        var definition = new JourneyDefinition("j", "J", null, 0, entry, null, [], [], null, start, byId);
        return JourneyGraphValidator.Validate(definition);
    }
}
