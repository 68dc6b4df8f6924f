namespace Orchestrator.Durable.Runtime.Tests.Support;

/// <summary>
/// Holds an activity until the test lets it go, so the test knows the orchestration is busy in that activity while
/// it raises events.
/// </summary>
internal sealed class ActivityGate
{
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the activity is running.</summary>
    public Task Entered => _entered.Task;

    /// <summary>Lets the activity finish.</summary>
    public void Release() => _released.TrySetResult();

    /// <summary>The activity's body: says it started, then waits to be released.</summary>
    public async Task<string> HoldAsync()
    {
        _entered.TrySetResult();
        await _released.Task;
        return "released";
    }
}
