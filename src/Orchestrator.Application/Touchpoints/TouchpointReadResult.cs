namespace Orchestrator.Application.Touchpoints;

/// <summary>Touchpoints read from a request or message, or the problems that reject it as a whole.</summary>
/// <param name="Touchpoints">The touchpoints, in order; empty when there are problems.</param>
/// <param name="Problems">Every problem found.</param>
public sealed record TouchpointReadResult(IReadOnlyList<IncomingTouchpoint> Touchpoints, IReadOnlyList<TouchpointProblem> Problems)
{
    /// <summary>Whether the input was accepted.</summary>
    public bool IsValid => Problems.Count == 0;

    internal static TouchpointReadResult Fail(params TouchpointProblem[] problems) => new([], problems);
}
