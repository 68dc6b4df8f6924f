using Orchestrator.Journeys.Definitions;

namespace Orchestrator.Journeys.Customers;

/// <summary>How one of the customer's journeys ended.</summary>
/// <param name="JourneyId">The journey.</param>
/// <param name="InstanceId">The instance.</param>
/// <param name="Outcome">Its outcome.</param>
/// <param name="At">When it ended.</param>
public sealed record OutcomeFact(string JourneyId, string InstanceId, JourneyOutcome Outcome, DateTimeOffset At);
