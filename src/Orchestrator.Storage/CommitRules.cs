using Orchestrator.Application.Customers;

namespace Orchestrator.Storage;

/// <summary>What every customer store refuses before writing anything, so the implementations cannot drift.</summary>
internal static class CommitRules
{
    /// <summary>Operations one entity-group transaction may hold.</summary>
    public const int MaxOperations = CustomerCommit.MaxWrites;

    /// <summary>
    /// Most JSON one commit may carry: a transaction request holds 4 MiB, and binary properties travel as
    /// base64 (4/3 larger) beside per-entity headers, so 3,000,000 bytes of JSON stays safely below.
    /// </summary>
    public const long MaxJsonBytes = 3_000_000;

    /// <summary>Writes the commit takes: customer, instances, timeline entry, dedupe marker, outbox entries.</summary>
    /// <param name="commit">The commit.</param>
    /// <returns>The number of entity operations.</returns>
    public static int OperationCount(CustomerCommit commit) => commit.Writes;

    /// <summary>Throws when the commit cannot be written as one transaction.</summary>
    /// <param name="commit">The commit.</param>
    public static void Validate(CustomerCommit commit)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var customerId = commit.Customer.CustomerId;
        var count = OperationCount(commit);
        if (count > MaxOperations)
        {
            // Splitting would give up atomicity, which the dedupe marker and the outbox rely on.
            throw new InvalidOperationException(
                $"The commit for customer '{customerId}' needs {count} writes ({commit.Instances.Count} instances, " +
                $"{commit.Outbox.Count} actions, plus the customer, timeline entry and dedupe marker); one atomic " +
                $"transaction holds at most {MaxOperations}. It is not split, because its writes must land together.");
        }

        var foreign = commit.Instances.FirstOrDefault(i => !string.Equals(i.State.CustomerId, customerId, StringComparison.Ordinal));
        if (foreign is not null)
        {
            throw new ArgumentException(
                $"Instance '{foreign.InstanceId}' belongs to customer '{foreign.State.CustomerId}', not '{customerId}'.", nameof(commit));
        }

        var instanceIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var instance in commit.Instances.Where(i => !instanceIds.Add(i.InstanceId)))
        {
            throw new ArgumentException($"Instance '{instance.InstanceId}' appears twice in one commit.", nameof(commit));
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var action in commit.Outbox.Where(a => !keys.Add(a.IdempotencyKey)))
        {
            throw new ArgumentException($"Action '{action.IdempotencyKey}' appears twice in one commit's outbox.", nameof(commit));
        }
    }

    /// <summary>Throws when the commit's documents would not fit one transaction request.</summary>
    /// <param name="commit">The commit.</param>
    /// <param name="jsonBytes">Bytes of JSON in its documents.</param>
    public static void ValidateSize(CustomerCommit commit, long jsonBytes)
    {
        if (jsonBytes > MaxJsonBytes)
        {
            throw new InvalidOperationException(
                $"The commit for customer '{commit.Customer.CustomerId}' carries {jsonBytes} bytes of JSON; one atomic " +
                $"transaction request holds at most {MaxJsonBytes}. It is not split, because its writes must land together.");
        }
    }
}
