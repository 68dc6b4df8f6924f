namespace Orchestrator.Application.Rules;

/// <summary>One action sent to a customer, kept as long as a rule may need it.</summary>
/// <param name="At">When it was sent.</param>
/// <param name="Channel">Channel.</param>
/// <param name="JourneyId">Sending journey.</param>
/// <param name="Category">Its category.</param>
/// <param name="Priority">Its priority.</param>
public sealed record SentAction(DateTimeOffset At, string Channel, string JourneyId, string? Category, int Priority);
