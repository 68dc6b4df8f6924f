using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Orchestrator.Durable.Orchestration;
using Orchestrator.Journeys.Engine;
using Orchestrator.Journeys;

namespace Orchestrator.Functions.Journeys;

/// <summary>
/// The journey orchestrator and its activities: bindings only. The loop is <see cref="JourneyOrchestration"/>,
/// the activities' work <see cref="JourneyActivities"/>, both shared with every Durable host in Orchestrator.Durable.
/// </summary>
/// <param name="activities">The activities' work.</param>
public sealed class JourneyFunctions(JourneyActivities activities)
{
    /// <summary>One generation of a journey instance.</summary>
    /// <param name="context">The Durable context.</param>
    /// <returns>How the journey ended, or null when it continued as new.</returns>
    [Function(JourneyOrchestrationNames.Orchestrator)]
    public static Task<JourneyOrchestrationOutput?> RunOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.GetInput<JourneyOrchestrationInput>()
            ?? throw new InvalidOperationException($"Orchestration {context.InstanceId} has no input.");
        return JourneyOrchestration.RunAsync(new DurableOrchestrationContext(context), input);
    }

    /// <summary>Reads one definition version's document.</summary>
    /// <param name="request">The journey and version.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The document.</returns>
    [Function(JourneyOrchestrationNames.LoadDefinition)]
    public Task<string> LoadDefinition([ActivityTrigger] DefinitionRequest request, CancellationToken cancellationToken) =>
        activities.LoadDefinitionAsync(request, cancellationToken);

    /// <summary>Reads the figures of one version's optimize arms.</summary>
    /// <param name="request">The journey and version.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The figures, keyed by step and arm.</returns>
    [Function(JourneyOrchestrationNames.LoadArmFigures)]
    public Task<IReadOnlyDictionary<string, ArmFigures>> LoadArmFigures([ActivityTrigger] DefinitionRequest request, CancellationToken cancellationToken) =>
        activities.LoadArmFiguresAsync(request, cancellationToken);

    /// <summary>Records a transition and decides and dispatches its sends.</summary>
    /// <param name="request">The transition.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The sends and the next deferral.</returns>
    [Function(JourneyOrchestrationNames.RecordTransition)]
    public Task<ActivityResult> RecordTransition([ActivityTrigger] TransitionRequest request, CancellationToken cancellationToken) =>
        activities.RecordTransitionAsync(request, cancellationToken);

    /// <summary>Releases deferred actions that are due.</summary>
    /// <param name="request">The instance.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The sends and the next deferral.</returns>
    [Function(JourneyOrchestrationNames.ReleaseDeferred)]
    public Task<ActivityResult> ReleaseDeferred([ActivityTrigger] DeferredRequest request, CancellationToken cancellationToken) =>
        activities.ReleaseDeferredAsync(request, cancellationToken);

    /// <summary>The touchpoints raised to an instance that it has not applied, to apply them now.</summary>
    /// <param name="request">The instance and the touchpoint ids it applied lately.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The unapplied touchpoints, oldest first.</returns>
    [Function(JourneyOrchestrationNames.TakeUnapplied)]
    public Task<IReadOnlyList<Touchpoint>> TakeUnapplied([ActivityTrigger] UnappliedRequest request, CancellationToken cancellationToken) =>
        activities.TakeUnappliedAsync(request, cancellationToken);
}
