namespace Orchestrator.Application.Ports;

/// <summary>
/// Which outbox actions were dispatched, written for many customers at once: a page holds the marks of one
/// acknowledgement round, up to 100 in one transaction, so marking costs a request per batch, not per customer.
/// After a crash, recovery skips the actions marked here instead of sending them again.
/// </summary>
/// <remarks>
/// A mark is only a hint that saves a duplicate: written after the send, it may be missing (the action is sent
/// again, with the same idempotency key) or outlive its outbox entry (recovery removes it). Never the other way
/// round: an action is marked only once sent.
/// </remarks>
public interface IDispatchLog
{
    /// <summary>Writes marks (idempotent).</summary>
    /// <param name="marks">The marks; any pages.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when durable.</returns>
    Task MarkAsync(IReadOnlyCollection<DispatchMark> marks, CancellationToken cancellationToken);

    /// <summary>Removes marks whose outbox entries are gone; missing ones are fine.</summary>
    /// <param name="marks">The marks; any pages.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when removed.</returns>
    Task UnmarkAsync(IReadOnlyCollection<DispatchMark> marks, CancellationToken cancellationToken);

    /// <summary>Reads every mark, for recovery.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The marks, in no particular order.</returns>
    IAsyncEnumerable<DispatchMark> ReadAllAsync(CancellationToken cancellationToken);
}
