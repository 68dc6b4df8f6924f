namespace Orchestrator.Journeys.Definitions;

/// <summary>One step of a journey. The set of step types is closed.</summary>
/// <param name="Id">The step's key in the definition's <c>steps</c> object.</param>
public abstract record JourneyStep(string Id)
{
    /// <summary>Every step this one can lead to, in declaration order.</summary>
    public abstract IEnumerable<string> Successors { get; }

    /// <summary>True when the step hands control back to the host (it waits for time or events).</summary>
    public virtual bool Waits => false;
}
