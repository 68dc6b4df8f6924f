using Orchestrator.Application.Touchpoints;

namespace Orchestrator.Http.Contracts;

/// <summary>The answer to a touchpoint request: how each touchpoint was taken, in request order.</summary>
/// <param name="Accepted">One entry per touchpoint.</param>
public sealed record TouchpointsAccepted(IReadOnlyList<AcceptResult> Accepted);
