namespace Orchestrator.Application.Processing;

/// <summary>
/// Joining: touchpoints of one customer that wait for the customer's lock at the same time in this process are
/// committed together. Whoever takes the lock takes every input waiting then and runs them as one group commit, in
/// the order they arrived; the others find their result set when the lock comes to them.
/// </summary>
internal sealed partial class CustomerTransaction
{
    private readonly Dictionary<string, List<Waiting>> _waiting = new(StringComparer.Ordinal);

    /// <summary>Runs an input, joined with any others of its customer waiting for the lock with it.</summary>
    /// <param name="input">The input and its decide phase.</param>
    /// <param name="cancellationToken">Cancels the wait, and the group when this caller runs it.</param>
    /// <returns>What happened to this input.</returns>
    public async Task<ProcessResult> RunJoiningAsync(GroupedInput input, CancellationToken cancellationToken)
    {
        var customerId = input.Input.CustomerId;
        var waiting = new Waiting(input);
        lock (_waiting)
        {
            if (!_waiting.TryGetValue(customerId, out var queue))
            {
                _waiting[customerId] = queue = [];
            }

            queue.Add(waiting);
        }

        IDisposable held;
        try
        {
            held = await _locks.AcquireAsync(customerId, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            lock (_waiting)
            {
                if (_waiting.TryGetValue(customerId, out var queue) && queue.Remove(waiting))
                {
                    if (queue.Count == 0)
                    {
                        _waiting.Remove(customerId);
                    }

                    throw;
                }
            }

            // Taken by a group already running it: its result stands.
            return await waiting.Done.Task;
        }

        using (held)
        {
            // A holder before this one ran every input waiting when it took the lock, and settled each before releasing.
            if (!waiting.Done.Task.IsCompleted)
            {
                Waiting[] group;
                lock (_waiting)
                {
                    group = [.. _waiting[customerId]];
                    _waiting.Remove(customerId);
                }

                await RunWaitingAsync(customerId, group, cancellationToken);
            }
        }

        return await waiting.Done.Task;
    }

    // Under the lock: the group as one commit (or as few as its limits allow); if it fails, each input alone, so one
    // that cannot be applied fails by itself, as it would have alone.
    private async Task RunWaitingAsync(string customerId, Waiting[] group, CancellationToken cancellationToken)
    {
        if (group.Length == 1)
        {
            await SettleAsync(group[0], () => RunHeldAsync(group[0].Input.Input, group[0].Input.Decide, cancellationToken));
            return;
        }

        var inputs = group.Select(w => w.Input).ToArray();
        var results = new ProcessResult?[inputs.Length];
        var next = 0;
        try
        {
            while (next < inputs.Length)
            {
                next = await CommitGroupAsync(customerId, inputs, next, results, cancellationToken);
            }
        }
        catch (Exception exception)
        {
            LogJoinedGroupFailed(exception, customerId, inputs.Length - next);
        }

        for (var i = 0; i < group.Length; i++)
        {
            // Settled: committed by a transaction of the group before one failed.
            if (results[i] is { } settled)
            {
                group[i].Done.SetResult(settled);
                continue;
            }

            var alone = group[i];
            await SettleAsync(alone, () => RunHeldAsync(alone.Input.Input, alone.Input.Decide, cancellationToken));
        }
    }

    private static async Task SettleAsync(Waiting waiting, Func<Task<ProcessResult>> run)
    {
        try
        {
            waiting.Done.SetResult(await run());
        }
        catch (Exception exception)
        {
            waiting.Done.SetException(exception);
        }
    }

    [Microsoft.Extensions.Logging.LoggerMessage(Level = Microsoft.Extensions.Logging.LogLevel.Warning, Message = "A joined commit of {Count} inputs of customer {CustomerId} failed; running them one at a time")]
    private partial void LogJoinedGroupFailed(Exception exception, string customerId, int count);

    private sealed class Waiting(GroupedInput input)
    {
        public GroupedInput Input { get; } = input;

        public TaskCompletionSource<ProcessResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
