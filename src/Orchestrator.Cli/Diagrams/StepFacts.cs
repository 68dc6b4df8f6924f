using Orchestrator.Cli.Tracing;
using Orchestrator.Journeys.Definitions;
using Orchestrator.Journeys.Parsing;

namespace Orchestrator.Cli.Diagrams;

/// <summary>The lines of text a step's node shows under its id, one case per step type.</summary>
internal sealed class StepFacts : IStepCases<IEnumerable<string>>
{
    public static StepFacts Cases { get; } = new();

    public IEnumerable<string> OnSend(SendStep sendStep) => [$"send {sendStep.Channel}/{sendStep.Action}"];

    public IEnumerable<string> OnDelay(DelayStep delayStep) => [StepNodes.Delay(delayStep)];

    public IEnumerable<string> OnWaitFor(WaitForStep waitForStep) =>
    [
        $"wait for {string.Join(", ", waitForStep.Events.Select(e => e.Event).Distinct(StringComparer.Ordinal))}",
        waitForStep.Timeout is { } timeout ? $"timeout {Iso8601Duration.Format(timeout)}" : "no timeout",
    ];

    public IEnumerable<string> OnBranch(BranchStep branchStep) => [$"branch: {StepNodes.Count(branchStep.Cases.Count, "case")} + default"];

    public IEnumerable<string> OnSplit(SplitStep splitStep) => [$"split: {StepNodes.Count(splitStep.Branches.Count, "branch", "branches")}"];

    public IEnumerable<string> OnOptimize(OptimizeStep optimizeStep) =>
    [
        $"optimize: {StepNodes.Count(optimizeStep.Arms.Count, "arm")}, explore {optimizeStep.Explore.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}",
        optimizeStep.Holdout is { } holdout ? $"holdout {(100 * holdout.Share).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)}%" : "no holdout",
    ];

    public IEnumerable<string> OnSet(SetStep setStep) => [$"set {string.Join(", ", setStep.Vars.Keys)}"];

    public IEnumerable<string> OnEnd(EndStep endStep) =>
        endStep.Reason is { } reason ? [$"end: {TraceFormat.Name(endStep.Outcome)}", reason] : [$"end: {TraceFormat.Name(endStep.Outcome)}"];
}
