using System.Runtime.CompilerServices;
using Orchestrator.Application.Ports;

namespace Orchestrator.Storage.Memory;

/// <summary><see cref="IDispatchLog"/> in memory, keyed by page and idempotency key as the table is. Thread-safe.</summary>
public sealed class InMemoryDispatchLog : IDispatchLog
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Page, string Key), DispatchMark> _marks = [];

    /// <inheritdoc />
    public Task MarkAsync(IReadOnlyCollection<DispatchMark> marks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(marks);
        lock (_lock)
        {
            foreach (var mark in marks)
            {
                _marks[(mark.Page, mark.IdempotencyKey)] = mark;
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task UnmarkAsync(IReadOnlyCollection<DispatchMark> marks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(marks);
        lock (_lock)
        {
            foreach (var mark in marks)
            {
                _marks.Remove((mark.Page, mark.IdempotencyKey));
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<DispatchMark> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        DispatchMark[] marks;
        lock (_lock)
        {
            marks = [.. _marks.Values];
        }

        foreach (var mark in marks)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return mark;
        }

        await Task.CompletedTask;
    }
}
