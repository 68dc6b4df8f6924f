namespace Orchestrator.Journeys.Analytics;

/// <summary>How an in-journey signal relates to success among the instances that ended in the window.</summary>
/// <param name="Signal">The signal id (<c>step:…</c>, <c>path:…</c>, <c>arm:…</c>, <c>channel:…</c>, <c>touchpoint:…</c>).</param>
/// <param name="Instances">Ended instances that saw it.</param>
/// <param name="Successes">Of them, those that ended in success.</param>
/// <param name="Rate">Successes ÷ Instances.</param>
/// <param name="Lift">Rate ÷ the journey's success rate.</param>
/// <param name="Z">Pooled two-proportion z of the instances with the signal against those without.</param>
/// <param name="Trusted">At least 30 instances on each side and |z| ≥ 1.96.</param>
public sealed record SignalLift(string Signal, long Instances, long Successes, double Rate, double? Lift, double Z, bool Trusted);
