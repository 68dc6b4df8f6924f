namespace Orchestrator.Conformance.Tests.Harness;

/// <summary>A script's event, ready to post.</summary>
/// <param name="CustomerId">The subject.</param>
/// <param name="Index">Position in the script.</param>
/// <param name="Id">The CloudEvent id: the script's, or <c>evt-{index}</c>.</param>
/// <param name="Type">Event type.</param>
/// <param name="At">Its time, which the clock shows when it is posted.</param>
/// <param name="CloudEvent">The CloudEvent JSON.</param>
public sealed record ScriptedTouchpoint(string CustomerId, int Index, string Id, string Type, DateTimeOffset At, string CloudEvent);
