namespace Orchestrator.Journeys.Engine;

/// <summary>Whether a touchpoint starts a new instance of a journey for its customer.</summary>
public enum EntryDecision
{
    /// <summary>Start an instance.</summary>
    Enter,

    /// <summary>The touchpoint does not match the journey's entry event and condition.</summary>
    NotMatched,

    /// <summary>Re-entry is <c>never</c> and the customer entered before.</summary>
    AlreadyEntered,

    /// <summary>Re-entry is <c>afterExit</c> and the customer has an active instance.</summary>
    AlreadyActive,

    /// <summary>The customer entered less than <c>cooldown</c> ago.</summary>
    CoolingDown,
}
