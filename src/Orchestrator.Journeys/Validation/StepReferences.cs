using Orchestrator.Journeys.Definitions;

namespace Orchestrator.Journeys.Validation;

/// <summary>Where in a step's JSON each of its successors is named.</summary>
internal static class StepReferences
{
    /// <summary>Lists a step's references to other steps.</summary>
    /// <param name="step">The step.</param>
    /// <returns>Each reference's pointer relative to the step (such as <c>events/1/next</c>) and the step it names, in declaration order.</returns>
    public static IEnumerable<(string Pointer, string Target)> Of(JourneyStep step) => step switch
    {
        SendStep send => [("next", send.Next)],
        DelayStep delay => [("next", delay.Next)],
        SetStep set => [("next", set.Next)],
        WaitForStep waitFor => waitFor.Events.Select((e, i) => (Indexed("events", i), e.Next))
            .Concat(waitFor.OnTimeout is { } onTimeout ? [("onTimeout", onTimeout)] : []),
        BranchStep branch => branch.Cases.Select((c, i) => (Indexed("cases", i), c.Next)).Append(("default", branch.Default)),
        SplitStep split => split.Branches.Select((b, i) => (Indexed("branches", i), b.Next)),
        EndStep => [],

        // A step type this list does not know yet still has its successors checked, at the step itself.
        _ => step.Successors.Select(target => (string.Empty, target)),
    };

    private static string Indexed(string array, int index) =>
        $"{array}/{index.ToString(System.Globalization.CultureInfo.InvariantCulture)}/next";
}
