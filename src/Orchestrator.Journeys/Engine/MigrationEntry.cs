namespace Orchestrator.Journeys.Engine;

/// <summary>How a migrated instance arrives at its new step; recorded as the <see cref="DecisionKind.Migrated"/> decision's detail.</summary>
public static class MigrationEntry
{
    /// <summary>
    /// The old and new steps are the same kind of wait (<c>waitFor</c> to <c>waitFor</c>, a fixed <c>delay</c> to a
    /// fixed <c>delay</c>): the instance keeps waiting, and the time it already waited counts against the new step.
    /// </summary>
    public const string WaitKept = "waitKept";

    /// <summary>Anything else: the instance enters the new step as if it had just arrived there, and runs it.</summary>
    public const string Entered = "entered";
}
