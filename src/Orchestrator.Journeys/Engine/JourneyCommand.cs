using System.Text.Json;
using System.Text.Json.Serialization;
using Orchestrator.Journeys.Definitions;

namespace Orchestrator.Journeys.Engine;

/// <summary>What the host must do after an input. The set is closed.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(SendAction), "send")]
[JsonDerivedType(typeof(ScheduleWakeUp), "wakeUp")]
[JsonDerivedType(typeof(CompleteJourney), "complete")]
public abstract record JourneyCommand
{
    // Only the types in this assembly derive from it: the set is closed.
    private protected JourneyCommand()
    {
    }

    /// <summary>Calls the function for this kind of command, so every caller handles each kind.</summary>
    /// <typeparam name="TResult">The result.</typeparam>
    /// <param name="send">For <see cref="SendAction"/>.</param>
    /// <param name="wakeUp">For <see cref="ScheduleWakeUp"/>.</param>
    /// <param name="complete">For <see cref="CompleteJourney"/>.</param>
    /// <returns>What the function returned.</returns>
    public abstract TResult Match<TResult>(Func<SendAction, TResult> send, Func<ScheduleWakeUp, TResult> wakeUp, Func<CompleteJourney, TResult> complete);
}

/// <summary>Send a next-best action to a channel app.</summary>
/// <param name="StepId">The <c>send</c> step.</param>
/// <param name="Channel">Target channel.</param>
/// <param name="Action">Action name.</param>
/// <param name="Data">Rendered payload, if the step has one.</param>
/// <param name="IdempotencyKey">Unique per instance and step visit: a redelivered action carries the same key.</param>
public sealed record SendAction(string StepId, string Channel, string Action, JsonElement? Data, string IdempotencyKey) : JourneyCommand
{
    /// <summary>
    /// Channels to try after <see cref="Channel"/>, in order, when the step lists several (or the customer's preferred
    /// channel and its fallback); the send-time rules use the first that consent, caps and quiet hours allow.
    /// </summary>
    public IReadOnlyList<string> Alternatives { get; init; } = [];

    /// <summary>Equal when every value is, the alternatives compared element by element (as they read back from JSON).</summary>
    /// <param name="other">The other action.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(SendAction? other) =>
        other is not null
        && StepId == other.StepId
        && Channel == other.Channel
        && Action == other.Action
        && EqualityComparer<JsonElement?>.Default.Equals(Data, other.Data)
        && IdempotencyKey == other.IdempotencyKey
        && Alternatives.SequenceEqual(other.Alternatives, StringComparer.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(StepId, Channel, Action, IdempotencyKey, Alternatives.Count);

    /// <inheritdoc />
    public override TResult Match<TResult>(Func<SendAction, TResult> send, Func<ScheduleWakeUp, TResult> wakeUp, Func<CompleteJourney, TResult> complete)
    {
        ArgumentNullException.ThrowIfNull(send);
        return send(this);
    }
}

/// <summary>Wake the instance at an instant (replaces any earlier wake-up the host holds for it).</summary>
/// <param name="At">When.</param>
public sealed record ScheduleWakeUp(DateTimeOffset At) : JourneyCommand
{
    /// <inheritdoc />
    public override TResult Match<TResult>(Func<SendAction, TResult> send, Func<ScheduleWakeUp, TResult> wakeUp, Func<CompleteJourney, TResult> complete)
    {
        ArgumentNullException.ThrowIfNull(wakeUp);
        return wakeUp(this);
    }
}

/// <summary>The instance ended.</summary>
/// <param name="Outcome">How.</param>
/// <param name="Reason">Why, when known.</param>
public sealed record CompleteJourney(JourneyOutcome Outcome, string? Reason) : JourneyCommand
{
    /// <inheritdoc />
    public override TResult Match<TResult>(Func<SendAction, TResult> send, Func<ScheduleWakeUp, TResult> wakeUp, Func<CompleteJourney, TResult> complete)
    {
        ArgumentNullException.ThrowIfNull(complete);
        return complete(this);
    }
}
