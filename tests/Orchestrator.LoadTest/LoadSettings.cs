namespace Orchestrator.LoadTest;

/// <summary>What the load command was asked to do.</summary>
/// <param name="Touchpoints">Touchpoints in the throughput run (rounded down to whole cycles of three per customer); 0 skips it.</param>
/// <param name="Customers">Customers the throughput run spreads them over.</param>
/// <param name="Concurrency">Requests in flight at once (touchpoint posts, and Azurite's raw inserts).</param>
/// <param name="Waiting">Waiting instances to start for the memory series; 0 skips it.</param>
/// <param name="TimeLimit">The whole run's bound; a part cut short prints what it measured.</param>
internal sealed record LoadSettings(int Touchpoints, int Customers, int Concurrency, int Waiting, TimeSpan TimeLimit)
{
    /// <summary>Whether the host runs with analytics on (the default) or off, for a before/after comparison.</summary>
    public bool Analytics { get; init; } = true;

    /// <summary>
    /// Whether the host keeps its state in Azurite (the default) or in its own memory (<c>Storage:Mode</c> Memory), which
    /// measures the host alone: no storage round trips, no Azurite CPU.
    /// </summary>
    public bool InMemory { get; init; }

    /// <summary>
    /// CPUs the host is pinned to (a <c>taskset --cpu-list</c> list such as <c>0</c>), so its throughput on one core can be
    /// measured while the tool runs on the others; null leaves it unpinned.
    /// </summary>
    public string? HostCpus { get; init; }

    /// <summary>
    /// Whether the host sends the touchpoint's point read and transaction through the Azure SDK
    /// (<c>Storage:Tables:LeanTransport</c> false) instead of its lean REST transport (the default).
    /// </summary>
    public bool SdkTables { get; init; }

    /// <summary>
    /// Touchpoints per batch POST in the throughput run (each customer's whole cycle of three in one batch); 0 posts
    /// them one at a time, phase by phase.
    /// </summary>
    public int Batch { get; init; }

    /// <summary>Whether the host applies a batch's touchpoints of one customer as one group commit (the default).</summary>
    public bool GroupCommit { get; init; } = true;

    /// <summary>Instances left waiting on timers that fall due while the host is down, drained by a restarted host; 0 skips it.</summary>
    public int OverdueTimers { get; init; }
}
