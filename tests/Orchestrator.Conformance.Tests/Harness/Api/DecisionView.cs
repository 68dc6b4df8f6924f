namespace Orchestrator.Conformance.Tests.Harness.Api;

/// <summary>One engine decision; kinds are spelled in camel case, as the API writes them.</summary>
public sealed record DecisionView(DateTimeOffset At, string Kind, string? Step, string? Next, string? Detail)
{
    public const string StepEntered = "stepEntered";
    public const string TimedOut = "timedOut";
    public const string DelayElapsed = "delayElapsed";
    public const string EventMatched = "eventMatched";
}
