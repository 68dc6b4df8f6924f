namespace Orchestrator.Durable.Orchestration;

/// <summary>What the recording and release activities tell the orchestration.</summary>
/// <param name="DeferredDueAt">When the instance's earliest deferred action that is still kept is due, if any.</param>
/// <param name="Sent">Idempotency keys of the actions sent.</param>
public sealed record ActivityResult(DateTimeOffset? DeferredDueAt, IReadOnlyList<string> Sent)
{
    /// <summary>How many actions of an earlier run of the activity this run sent again (they were still in the outbox).</summary>
    public int Resent { get; init; }

    /// <summary>
    /// The customer's profile as the activity read it: what the orchestration gives the engine from then on, so
    /// profile changes reach the instance through its history, replay-safely.
    /// </summary>
    public Journeys.Customers.CustomerProfile? Customer { get; init; }
}
