using Orchestrator.Durable.Orchestration;
using Orchestrator.Durable.Testing.Hosting;

namespace Orchestrator.Durable.Testing.Journeys;

/// <summary>What a test varies in <see cref="DurableJourneyApp"/>.</summary>
public sealed class DurableJourneyAppOptions
{
    /// <summary>The Durable runtime's tuning; the defaults suit tests.</summary>
    public DurableRuntimeHostOptions? Runtime { get; init; }

    /// <summary>
    /// Wraps the app's context adapter for each orchestration run (e.g. to compress scenario time); the adapter as it
    /// is by default.
    /// </summary>
    public Func<IJourneyOrchestrationContext, JourneyOrchestrationInput, IJourneyOrchestrationContext> WrapContext { get; init; } = (context, _) => context;

    /// <summary>
    /// Whether orchestrations re-take the touchpoints raised to them that they have not applied. Off only to show what
    /// the runtime loses without it.
    /// </summary>
    public bool RetakeUnapplied { get; init; } = true;
}
