using System.Text.Json;
using Orchestrator.Journeys.Definitions;

namespace Orchestrator.Journeys.Engine;

/// <summary>
/// Everything the engine needs to continue an instance. Bounded in size however long the instance
/// runs: the decision history leaves the engine as output and is never kept here.
/// </summary>
/// <remarks>
/// Crosses Durable Functions' ContinueAsNew and is stored in one Table Storage entity, so it must
/// round-trip through <see cref="Serialization.JourneyJsonContext"/> without loss.
/// </remarks>
public sealed record JourneyState
{
    /// <summary>Deterministic instance id.</summary>
    public required string InstanceId { get; init; }

    /// <summary>The journey.</summary>
    public required string JourneyId { get; init; }

    /// <summary>The journey version the instance runs: the one it started on, unless a migration moved it.</summary>
    public required int Version { get; init; }

    /// <summary>The customer.</summary>
    public required string CustomerId { get; init; }

    /// <summary>Running or completed.</summary>
    public required JourneyStatus Status { get; init; }

    /// <summary>How the instance ended, once completed.</summary>
    public JourneyOutcome? Outcome { get; init; }

    /// <summary>Why it ended that way, when known.</summary>
    public string? Reason { get; init; }

    /// <summary>The step the instance is at (or ended at).</summary>
    public string? CurrentStep { get; init; }

    /// <summary>What the current step waits for.</summary>
    public WaitKind Waiting { get; init; }

    /// <summary>Event types the instance would react to now, with their purpose and filter.</summary>
    public IReadOnlyList<AwaitedEvent> Awaiting { get; init; } = [];

    /// <summary>When the current <c>delay</c> ends or the current <c>waitFor</c> times out.</summary>
    public DateTimeOffset? WaitDeadline { get; init; }

    /// <summary>When <c>maxDuration</c> ends the instance.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>When the host must wake the instance next: the earlier of the two deadlines.</summary>
    public DateTimeOffset? NextWakeUpAt => Status == JourneyStatus.Completed
        ? null
        : (WaitDeadline, ExpiresAt) switch
        {
            ({ } wait, { } expires) => wait < expires ? wait : expires,
            ({ } wait, null) => wait,
            (null, var expires) => expires,
        };

    /// <summary>When the instance started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When an input last changed the instance.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When the goal was reached, if it was (the instance may go on when <c>exitOnGoal</c> is false).</summary>
    public DateTimeOffset? GoalReachedAt { get; init; }

    /// <summary>Number of steps entered so far; makes every step visit's idempotency key unique.</summary>
    public long StepVisits { get; init; }

    /// <summary>The touchpoint that started the instance (<c>trigger.*</c>).</summary>
    public required Touchpoint Trigger { get; init; }

    /// <summary>The last touchpoint that advanced the instance (<c>event.*</c> after a timer).</summary>
    public Touchpoint? LastEvent { get; init; }

    /// <summary>Instance variables, a JSON object, once a <c>set</c> step ran.</summary>
    public JsonElement? Vars { get; init; }

    /// <summary>What the analytics count when the instance ends; null before the first transition that records it.</summary>
    public Analytics.InstanceTrail? Trail { get; init; }
}
