namespace Orchestrator.Application.Processing;

/// <summary>What moved a Durable orchestration whose transition an activity records.</summary>
public enum TransitionCause
{
    /// <summary>A touchpoint it applied (or the one that started it).</summary>
    Touchpoint,

    /// <summary>A timer of its own.</summary>
    WakeUp,

    /// <summary>A migration to another version.</summary>
    Migration,
}
