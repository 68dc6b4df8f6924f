using Orchestrator.Journeys.Definitions;

namespace Orchestrator.Journeys.Validation;

/// <summary>Where in a step's JSON each of its successors is named.</summary>
internal sealed class StepReferences : IStepCases<IEnumerable<(string Pointer, string Target)>>
{
    private static readonly StepReferences Cases = new();

    /// <summary>Lists a step's references to other steps.</summary>
    /// <param name="step">The step.</param>
    /// <returns>Each reference's pointer relative to the step (such as <c>events/1/next</c>) and the step it names, in declaration order.</returns>
    public static IEnumerable<(string Pointer, string Target)> Of(JourneyStep step) => step.Match(Cases);

    public IEnumerable<(string Pointer, string Target)> OnSend(SendStep sendStep) => [("next", sendStep.Next)];

    public IEnumerable<(string Pointer, string Target)> OnDelay(DelayStep delayStep) => [("next", delayStep.Next)];

    public IEnumerable<(string Pointer, string Target)> OnSet(SetStep setStep) => [("next", setStep.Next)];

    public IEnumerable<(string Pointer, string Target)> OnWaitFor(WaitForStep waitForStep) =>
        waitForStep.Events.Select((e, i) => (Indexed("events", i), e.Next))
            .Concat(waitForStep.OnTimeout is { } onTimeout ? [("onTimeout", onTimeout)] : []);

    public IEnumerable<(string Pointer, string Target)> OnBranch(BranchStep branchStep) =>
        branchStep.Cases.Select((c, i) => (Indexed("cases", i), c.Next)).Append(("default", branchStep.Default));

    public IEnumerable<(string Pointer, string Target)> OnSplit(SplitStep splitStep) =>
        splitStep.Branches.Select((b, i) => (Indexed("branches", i), b.Next));

    public IEnumerable<(string Pointer, string Target)> OnOptimize(OptimizeStep optimizeStep) =>
        optimizeStep.Arms.Select((a, i) => (Indexed("arms", i), a.Next))
            .Concat(optimizeStep.Holdout is { } holdout ? [("holdout/next", holdout.Next)] : []);

    public IEnumerable<(string Pointer, string Target)> OnEnd(EndStep endStep) => [];

    private static string Indexed(string array, int index) =>
        $"{array}/{index.ToString(System.Globalization.CultureInfo.InvariantCulture)}/next";
}
