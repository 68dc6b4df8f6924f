using System.Globalization;
using Azure.Data.Tables;
using Orchestrator.Application.Ports;

namespace Orchestrator.Storage.Tables;

/// <summary>
/// <see cref="ITimerStore"/> on the <c>timers</c> table: one partition, row keys <c>{dueAt ticks:D19}|{instanceId}</c>,
/// so key order is due order and "due now" is one range query.
/// </summary>
/// <param name="timers">The <c>timers</c> table.</param>
internal sealed class TableTimerStore(TableGateway timers) : ITimerStore
{
    private const string Partition = "timers";

    /// <inheritdoc />
    public Task ScheduleAsync(DueTimer timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var entity = new TableEntity(Partition, RowKey(timer))
        {
            ["CustomerId"] = timer.CustomerId,
            ["InstanceId"] = timer.InstanceId,
            ["DueAt"] = timer.DueAt,
        };
        return timers.UpsertAsync(entity, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DueTimer>> GetDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var before = Ticks(now.UtcTicks + 1);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey lt {before}");
        return await ReadAsync(filter, max, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<DueTimer?> GetEarliestAsync(CancellationToken cancellationToken)
    {
        var earliest = await ReadAsync(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), 1, cancellationToken);
        return earliest.Count == 0 ? null : earliest[0];
    }

    /// <inheritdoc />
    public Task DeleteAsync(DueTimer timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        return timers.DeleteAsync(Partition, RowKey(timer), cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>Every timer is in the one partition: one transaction per 100.</remarks>
    public Task DeleteAllAsync(IReadOnlyCollection<DueTimer> fired, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fired);
        return timers.DeleteAllAsync(Partition, fired.Select(RowKey), cancellationToken);
    }

    private async Task<IReadOnlyList<DueTimer>> ReadAsync(string filter, int max, CancellationToken cancellationToken)
    {
        var due = new List<DueTimer>(Math.Min(max, 1000));
        await foreach (var entity in timers.QueryAsync(filter, Math.Min(max, 1000), cancellationToken))
        {
            // The due time comes from the key, which is exact to the tick whatever the service does to dates.
            var dueAt = new DateTimeOffset(long.Parse(entity.RowKey.AsSpan(0, 19), CultureInfo.InvariantCulture), TimeSpan.Zero);
            due.Add(new DueTimer(entity.GetString("CustomerId"), entity.GetString("InstanceId"), dueAt));
            if (due.Count == max)
            {
                break;
            }
        }

        return due;
    }

    private static string RowKey(DueTimer timer) => $"{Ticks(timer.DueAt.UtcTicks)}|{KeyEncoding.Encode(timer.InstanceId)}";

    private static string Ticks(long ticks) => ticks.ToString("D19", CultureInfo.InvariantCulture);
}
