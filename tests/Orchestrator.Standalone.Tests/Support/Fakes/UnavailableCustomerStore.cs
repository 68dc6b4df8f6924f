using Orchestrator.Application.Actions;
using Orchestrator.Application.Customers;
using Orchestrator.Application.Instances;
using Orchestrator.Application.Ports;

namespace Orchestrator.Standalone.Tests.Support.Fakes;

/// <summary>A customer store whose storage is down: every read and write fails, except the start-up outbox scan, which finds nothing.</summary>
public sealed class UnavailableCustomerStore : ICustomerStore
{
    public const string Secret = "customers-table-account-key-0xDEADBEEF";

    public Task<CustomerSnapshot> LoadAsync(string customerId, string? touchpointId, CancellationToken cancellationToken) => throw Down();

    public Task CommitAsync(CustomerCommit commit, CancellationToken cancellationToken) => throw Down();

    public Task<InstanceRecord?> GetInstanceAsync(string customerId, string instanceId, CancellationToken cancellationToken) => throw Down();

    public Task DeleteInstanceAsync(string customerId, string instanceId, string eTag, CancellationToken cancellationToken) => throw Down();

    public Task<IReadOnlyList<InstanceRecord>> ListInstancesAsync(string customerId, CancellationToken cancellationToken) => throw Down();

    public Task<IReadOnlyList<TimelineEntry>> ReadTimelineAsync(string customerId, CancellationToken cancellationToken) => throw Down();

    public Task RemoveFromOutboxAsync(string customerId, IReadOnlyCollection<string> idempotencyKeys, CancellationToken cancellationToken) => throw Down();

    public IAsyncEnumerable<ActionMessage> ReadOutboxAsync(string customerId, CancellationToken cancellationToken) => throw Down();

    public IAsyncEnumerable<ActionMessage> ReadAllOutboxesAsync(CancellationToken cancellationToken) => AsyncEnumerable.Empty<ActionMessage>();

    public Task RemoveAnalyticsAsync(string customerId, IReadOnlyCollection<long> sequences, CancellationToken cancellationToken) => throw Down();

    public IAsyncEnumerable<Orchestrator.Application.Analytics.AnalyticsRecord> ReadAllAnalyticsAsync(CancellationToken cancellationToken) =>
        AsyncEnumerable.Empty<Orchestrator.Application.Analytics.AnalyticsRecord>();

    private static InvalidOperationException Down() => new($"storage unavailable ({Secret})");
}
