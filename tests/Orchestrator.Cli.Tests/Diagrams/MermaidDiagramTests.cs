using System.Text.RegularExpressions;
using Orchestrator.Cli.Diagrams;
using Orchestrator.Journeys.Conditions;
using Orchestrator.Journeys.Definitions;

namespace Orchestrator.Cli.Tests.Diagrams;

public sealed partial class MermaidDiagramTests
{
    [Fact]
    public void Render_AnyJourney_StartsWithTopDownFlowchart()
    {
        var diagram = MermaidDiagram.Render(DiagramJourneys.EveryStepType());

        Assert.StartsWith("flowchart TD\n", diagram.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EverySuccessor_HasExactlyOneEdge()
    {
        var definition = DiagramJourneys.EveryStepType();

        var edges = Edges(MermaidDiagram.Render(definition))
            .Where(e => e.From != "journey_entry")
            .Select(e => $"{e.From}->{e.To}")
            .Order(StringComparer.Ordinal);

        var expected = definition.Steps.Values
            .SelectMany(s => s.Successors.Select(next => $"{NodeId(s.Id)}->{NodeId(next)}"))
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, edges);
    }

    [Fact]
    public void Render_EveryStep_HasOneNodeWithQuotedLabelNamingIt()
    {
        var definition = DiagramJourneys.EveryStepType();
        var lines = Lines(MermaidDiagram.Render(definition));

        foreach (var id in definition.Steps.Keys)
        {
            var node = Assert.Single(lines, l => Regex.IsMatch(l, $"^{NodeId(id)}[\\[({{/]+\""));
            Assert.Contains($"\"{id}<br/>", node, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Render_StepIdsWithDashesOrReservedWords_GetValidPrefixedIds()
    {
        var diagram = MermaidDiagram.Render(DiagramJourneys.EveryStepType());

        var ids = Edges(diagram).SelectMany(e => new[] { e.From, e.To }).Distinct().ToList();
        Assert.All(ids, id => Assert.Matches("^[A-Za-z][A-Za-z0-9_]*$", id));
        Assert.DoesNotContain("end", ids);
        Assert.Contains("step_wait_reply", ids);
        Assert.Contains("step_end", ids);
    }

    [Fact]
    public void Render_StepIdsThatSanitiseAlike_GetDistinctIds()
    {
        var definition = DiagramJourneys.Create(
            "a-b",
            [
                new SendStep("a-b", "email", "one", null, "a_b"),
                new SendStep("a_b", "email", "two", null, "a.b"),
                new EndStep("a.b", JourneyOutcome.Neutral, null),
            ]);

        var lines = Lines(MermaidDiagram.Render(definition));

        Assert.Contains("step_a_b --> step_a_b_2", lines);
        Assert.Contains("step_a_b_2 --> step_a_b_3", lines);
    }

    [Fact]
    public void Render_StartMarker_PointsAtStartStepWithEntryEvent()
    {
        var lines = Lines(MermaidDiagram.Render(DiagramJourneys.EveryStepType()));

        Assert.Contains("journey_entry((\"start\"))", lines);
        Assert.Contains("journey_entry -->|\"customer.signed-up\"| step_welcome", lines);
    }

    [Theory]
    [InlineData("step_welcome[\"welcome<br/>send email/welcome\"]")]
    [InlineData("step_cool_off(\"cool-off<br/>delay P2D\")")]
    [InlineData("step_call_window(\"call-window<br/>delay until window 09:00-18:00 Mon,Fri zone from trigger.data.timeZone\")")]
    [InlineData("step_renew_date(\"renew-date<br/>delay until trigger.data.renewAt\")")]
    [InlineData("step_wait_reply(\"wait-reply<br/>wait for email.clicked, email.bounced<br/>timeout P3D\")")]
    [InlineData("step_assign{{\"assign<br/>split: 2 branches\"}}")]
    [InlineData("step_pick{{\"pick<br/>branch: 1 case + default\"}}")]
    [InlineData("step_tag[/\"tag<br/>set tier\"/]")]
    [InlineData("step_end([\"end<br/>end: success<br/>done\"])")]
    public void Render_EachStepType_DrawsItsShapeAndFacts(string expectedNode)
    {
        var lines = Lines(MermaidDiagram.Render(DiagramJourneys.EveryStepType()));

        Assert.Contains(expectedNode, lines);
    }

    [Theory]
    [InlineData("step_wait_reply -->|\"email.clicked when event.data.link eq #quot;offer#quot;\"| step_assign")]
    [InlineData("step_wait_reply -->|\"email.bounced\"| step_end")]
    [InlineData("step_wait_reply -.->|\"timeout P3D\"| step_end")]
    [InlineData("step_assign -->|\"holdout 10 (10%)\"| step_end")]
    [InlineData("step_assign -->|\"pick 90 (90%)\"| step_pick")]
    [InlineData("step_pick -->|\"trigger.data.tier in [#quot;gold#quot;, #quot;platinum#quot;]\"| step_tag")]
    [InlineData("step_pick -->|\"default\"| step_end")]
    [InlineData("step_welcome --> step_cool_off")]
    public void Render_Edges_CarryEventCaseAndSplitLabels(string expectedEdge)
    {
        var lines = Lines(MermaidDiagram.Render(DiagramJourneys.EveryStepType()));

        Assert.Contains(expectedEdge, lines);
    }

    [Fact]
    public void Render_GoalExitAndMaxDuration_AppearInNoteNode()
    {
        var lines = Lines(MermaidDiagram.Render(DiagramJourneys.EveryStepType()));

        Assert.Contains(
            "journey_rules[\"goal: offer.accepted within P14D, ends the journey<br/>exit: account.closed<br/>max duration: P30D\"]",
            lines);
        Assert.Contains("class journey_rules note", lines);
    }

    [Fact]
    public void Render_NoGoalExitOrMaxDuration_DrawsNoNote()
    {
        var definition = DiagramJourneys.Create("done", [new EndStep("done", JourneyOutcome.Neutral, null)]);

        var diagram = MermaidDiagram.Render(definition);

        Assert.DoesNotContain("journey_rules", diagram, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_LabelsWithMermaidCharacters_AreEscapedInsideQuotes()
    {
        var definition = DiagramJourneys.Create(
            "check",
            [
                new BranchStep(
                    "check",
                    [new BranchCase(DiagramJourneys.Field("event.data.note", ConditionOperator.Eq, "\"a|b <i>#1\""), "done")],
                    "done"),
                new EndStep("done", JourneyOutcome.Success, "said \"thanks\""),
            ]);

        var lines = Lines(MermaidDiagram.Render(definition));

        Assert.Contains("step_check -->|\"event.data.note eq #quot;a#124;b #lt;i#gt;#35;1#quot;\"| step_done", lines);
        Assert.Contains("step_done([\"done<br/>end: success<br/>said #quot;thanks#quot;\"])", lines);
    }

    private static string NodeId(string stepId) => "step_" + stepId.Replace('-', '_');

    private static List<string> Lines(string diagram) =>
        [.. diagram.ReplaceLineEndings("\n").Split('\n').Select(l => l.Trim())];

    private static List<(string From, string To)> Edges(string diagram) =>
        [.. Lines(diagram).Select(l => EdgePattern().Match(l)).Where(m => m.Success).Select(m => (m.Groups["from"].Value, m.Groups["to"].Value))];

    [GeneratedRegex("""^(?<from>\S+) (?:-->|-\.->)(?:\|"[^"]*"\|)? (?<to>\S+)$""")]
    private static partial Regex EdgePattern();
}
