namespace Orchestrator.Application.Poison;

/// <summary>What replaying a poison entry did.</summary>
public enum PoisonReplayStatus
{
    /// <summary>Applied (or found applied before); the entry was deleted.</summary>
    Replayed,

    /// <summary>No such entry.</summary>
    NotFound,

    /// <summary>It failed again; the entry is kept with the new reason and one more attempt counted.</summary>
    Failed,
}
