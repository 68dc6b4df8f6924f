using System.Text.Json.Serialization;
using Orchestrator.Journeys.Serialization;

namespace Orchestrator.Journeys.Engine;

/// <summary>What an engine decision records.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<DecisionKind>))]
public enum DecisionKind
{
    /// <summary>The instance started from its trigger.</summary>
    Started,

    /// <summary>A step was entered.</summary>
    StepEntered,

    /// <summary>A touchpoint matched one of the current <c>waitFor</c> step's events.</summary>
    EventMatched,

    /// <summary>A <c>branch</c> step chose a case (or its default).</summary>
    BranchTaken,

    /// <summary>
    /// A <c>split</c> step assigned the instance to a branch, or an <c>optimize</c> step to an arm (its values record
    /// the mode, each arm's figures and sample).
    /// </summary>
    SplitAssigned,

    /// <summary>A <c>set</c> step assigned variables.</summary>
    VarsSet,

    /// <summary>A <c>send</c> step produced an action.</summary>
    ActionRequested,

    /// <summary>A <c>delay</c> step started waiting.</summary>
    DelayStarted,

    /// <summary>A <c>delay</c> step's time came.</summary>
    DelayElapsed,

    /// <summary>A <c>waitFor</c> step timed out.</summary>
    TimedOut,

    /// <summary>The goal was reached.</summary>
    GoalReached,

    /// <summary>An exit criterion matched.</summary>
    Exited,

    /// <summary><c>maxDuration</c> elapsed.</summary>
    Expired,

    /// <summary>An operator stopped the instance.</summary>
    Stopped,

    /// <summary>The per-input step guard stopped a run of steps.</summary>
    GuardTripped,

    /// <summary>The instance ended.</summary>
    Completed,

    /// <summary>
    /// An operator's migration moved the instance to another version of its journey: <c>Step</c> is the old step,
    /// <c>Next</c> the new one, <c>Detail</c> whether the wait was kept (<c>waitKept</c>) or the step entered afresh
    /// (<c>entered</c>), <c>Values</c> the two versions.
    /// </summary>
    Migrated,
}
