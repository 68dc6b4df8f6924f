namespace Orchestrator.Application.Touchpoints;

/// <summary>How a batch of touchpoints was taken (<see cref="TouchpointIngress.AcceptBatchAsync"/>).</summary>
/// <param name="Accepted">How each touchpoint taken was taken: every one, in the batch's order, unless one failed.</param>
/// <param name="NotAccepted">The id of a touchpoint that could be neither applied nor queued; null when all were taken.</param>
/// <param name="Failure">Why it could not; null when all were taken.</param>
public sealed record BatchAcceptResult(IReadOnlyList<AcceptResult> Accepted, string? NotAccepted, Exception? Failure);
