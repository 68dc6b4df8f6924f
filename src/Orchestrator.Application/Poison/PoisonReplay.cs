using Orchestrator.Application.Touchpoints;

namespace Orchestrator.Application.Poison;

/// <summary>The result of replaying a poison entry.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Accepted">How the touchpoint was taken, when replayed.</param>
/// <param name="Reason">Why it failed again, when it did.</param>
public sealed record PoisonReplay(PoisonReplayStatus Status, AcceptResult? Accepted, string? Reason);
