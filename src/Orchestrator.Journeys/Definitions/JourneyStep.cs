namespace Orchestrator.Journeys.Definitions;

/// <summary>One step of a journey. The set of step types is closed: only this assembly derives from it.</summary>
/// <remarks>
/// Code that treats every step type goes through <see cref="Match{TResult}"/> with an <see cref="IStepCases{TResult}"/>,
/// so a new step type fails to compile wherever it is not handled, instead of reaching a <c>default</c> at run time.
/// </remarks>
public abstract record JourneyStep
{
    /// <summary>Creates the step.</summary>
    /// <param name="id">The step's key in the definition's <c>steps</c> object.</param>
    private protected JourneyStep(string id) => Id = id;

    /// <summary>The step's key in the definition's <c>steps</c> object.</summary>
    public string Id { get; init; }

    /// <summary>Every step this one can lead to, in declaration order.</summary>
    public abstract IEnumerable<string> Successors { get; }

    /// <summary>True when the step hands control back to the host (it waits for time or events).</summary>
    public virtual bool Waits => false;

    /// <summary>Calls the case for this step's type.</summary>
    /// <typeparam name="TResult">The result.</typeparam>
    /// <param name="cases">One case per step type.</param>
    /// <returns>What the case returned.</returns>
    public abstract TResult Match<TResult>(IStepCases<TResult> cases);
}
