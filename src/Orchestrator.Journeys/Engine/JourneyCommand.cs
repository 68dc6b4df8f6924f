using System.Text.Json;
using System.Text.Json.Serialization;
using Orchestrator.Journeys.Definitions;

namespace Orchestrator.Journeys.Engine;

/// <summary>What the host must do after an input. The set is closed.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(SendAction), "send")]
[JsonDerivedType(typeof(ScheduleWakeUp), "wakeUp")]
[JsonDerivedType(typeof(CompleteJourney), "complete")]
public abstract record JourneyCommand;

/// <summary>Send a next-best action to a channel app.</summary>
/// <param name="StepId">The <c>send</c> step.</param>
/// <param name="Channel">Target channel.</param>
/// <param name="Action">Action name.</param>
/// <param name="Data">Rendered payload, if the step has one.</param>
/// <param name="IdempotencyKey">Unique per instance and step visit: a redelivered action carries the same key.</param>
public sealed record SendAction(string StepId, string Channel, string Action, JsonElement? Data, string IdempotencyKey) : JourneyCommand;

/// <summary>Wake the instance at an instant (replaces any earlier wake-up the host holds for it).</summary>
/// <param name="At">When.</param>
public sealed record ScheduleWakeUp(DateTimeOffset At) : JourneyCommand;

/// <summary>The instance ended.</summary>
/// <param name="Outcome">How.</param>
/// <param name="Reason">Why, when known.</param>
public sealed record CompleteJourney(JourneyOutcome Outcome, string? Reason) : JourneyCommand;
