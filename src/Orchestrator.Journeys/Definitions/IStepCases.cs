namespace Orchestrator.Journeys.Definitions;

/// <summary>One case per step type, for <see cref="JourneyStep.Match{TResult}"/>: an implementation handles them all.</summary>
/// <typeparam name="TResult">What each case returns.</typeparam>
public interface IStepCases<out TResult>
{
    /// <summary>A <c>send</c> step.</summary>
    /// <param name="sendStep">The step.</param>
    /// <returns>The result.</returns>
    TResult OnSend(SendStep sendStep);

    /// <summary>A <c>delay</c> step.</summary>
    /// <param name="delayStep">The step.</param>
    /// <returns>The result.</returns>
    TResult OnDelay(DelayStep delayStep);

    /// <summary>A <c>waitFor</c> step.</summary>
    /// <param name="waitForStep">The step.</param>
    /// <returns>The result.</returns>
    TResult OnWaitFor(WaitForStep waitForStep);

    /// <summary>A <c>branch</c> step.</summary>
    /// <param name="branchStep">The step.</param>
    /// <returns>The result.</returns>
    TResult OnBranch(BranchStep branchStep);

    /// <summary>A <c>split</c> step.</summary>
    /// <param name="splitStep">The step.</param>
    /// <returns>The result.</returns>
    TResult OnSplit(SplitStep splitStep);

    /// <summary>An <c>optimize</c> step.</summary>
    /// <param name="optimizeStep">The step.</param>
    /// <returns>The result.</returns>
    TResult OnOptimize(OptimizeStep optimizeStep);

    /// <summary>A <c>set</c> step.</summary>
    /// <param name="setStep">The step.</param>
    /// <returns>The result.</returns>
    TResult OnSet(SetStep setStep);

    /// <summary>An <c>end</c> step.</summary>
    /// <param name="endStep">The step.</param>
    /// <returns>The result.</returns>
    TResult OnEnd(EndStep endStep);
}
