using System.Globalization;
using Orchestrator.Durable.Testing.Storage;
using Orchestrator.Storage.Diagnostics;

namespace Orchestrator.Durable.LoadTest;

/// <summary>What one phase cost, divided by the touchpoints (or timers) it handled.</summary>
/// <param name="Phase">The phase.</param>
/// <param name="Count">Touchpoints or timers handled.</param>
/// <param name="Durable">The Durable backend's storage operations in the phase.</param>
/// <param name="Journeys">The journey tables' requests in the phase, by kind.</param>
/// <param name="Seconds">How long the phase took.</param>
internal sealed record PhaseCost(string Phase, int Count, StorageUsage Durable, IReadOnlyDictionary<StorageRequestKind, long> Journeys, double Seconds)
{
    public double Per(long value) => (double)value / Count;

    public long JourneyRequests => Journeys.Values.Sum();

    public long QueueRequests => Durable.RequestsOf(StorageResource.ControlQueue) + Durable.RequestsOf(StorageResource.WorkItemQueue) + Durable.RequestsOf(StorageResource.OtherQueue);

    public long JourneyTransactions => Journeys.Where(k => k.Key.Operation == "table.batch").Sum(k => k.Value);

    public string Row() => string.Create(CultureInfo.InvariantCulture,
        $"| {Phase} | {Count} | {Per(Durable.QueueMessagesSent):0.00} | {Per(Durable.HistoryRowsWritten):0.00} | {Per(Durable.TableTransactions):0.00} | "
        + $"{Per(Durable.RequestsOf(StorageResource.InstancesTable)):0.00} | {Per(Durable.TotalRequests):0.0} | {Per(QueueRequests):0.0} | {Per(JourneyTransactions):0.00} | {Per(JourneyRequests):0.00} | {Count / Seconds:0.0} |");
}
