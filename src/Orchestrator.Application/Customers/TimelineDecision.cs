using Orchestrator.Journeys.Engine;

namespace Orchestrator.Application.Customers;

/// <summary>An engine decision, tagged with the instance it was made for.</summary>
/// <param name="InstanceId">The instance.</param>
/// <param name="JourneyId">Its journey.</param>
/// <param name="Decision">The decision.</param>
public sealed record TimelineDecision(string InstanceId, string JourneyId, JourneyDecision Decision);
