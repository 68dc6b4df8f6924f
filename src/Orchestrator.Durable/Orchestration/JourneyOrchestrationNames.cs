namespace Orchestrator.Durable.Orchestration;

/// <summary>Names shared by the orchestrator, its activities and the ingress that starts and signals it.</summary>
public static class JourneyOrchestrationNames
{
    /// <summary>The journey orchestrator.</summary>
    public const string Orchestrator = "JourneyOrchestrator";

    /// <summary>Activity: reads one definition version's document.</summary>
    public const string LoadDefinition = "LoadJourneyDefinition";

    /// <summary>Activity: the figures of one version's <c>optimize</c> arms, read before the engine runs on that version.</summary>
    public const string LoadArmFigures = "LoadArmFigures";

    /// <summary>Activity: records a transition and decides and dispatches its sends.</summary>
    public const string RecordTransition = "RecordJourneyTransition";

    /// <summary>Activity: releases deferred actions that are due.</summary>
    public const string ReleaseDeferred = "ReleaseDeferredActions";

    /// <summary>Activity: the touchpoints raised to the instance that it has not applied, to apply them now.</summary>
    public const string TakeUnapplied = "TakeUnappliedTouchpoints";

    /// <summary>The external event carrying a touchpoint (its JSON, as <c>JourneyJsonContext</c> writes it).</summary>
    public const string TouchpointEvent = "touchpoint";

    /// <summary>The external event carrying a <see cref="MigrationOrder"/>: move to another version, or end.</summary>
    public const string MigrateEvent = "migrate";
}
