using System.Text;
using System.Text.RegularExpressions;

namespace Orchestrator.Storage;

/// <summary>Where the standalone runtime keeps its state: one storage account, its tables and queues.</summary>
/// <remarks>
/// Every name gets <see cref="Prefix"/> in front, so several environments (or test classes) can share one
/// account. Table names allow letters and digits only and queue names lower-case letters, digits and
/// hyphens, so a prefix of lower-case letters and digits suits both.
/// </remarks>
public sealed partial record StorageOptions
{
    /// <summary>Storage account connection string (<c>UseDevelopmentStorage=true</c> for Azurite).</summary>
    public required string ConnectionString { get; init; }

    /// <summary>Put in front of every table and queue name; empty by default.</summary>
    public string Prefix { get; init; } = "";

    /// <summary>Customers: bookkeeping, instances, timeline, dedupe markers and outbox, one partition each.</summary>
    public string CustomersTable { get; init; } = "customers";

    /// <summary>Instance id → customer directory.</summary>
    public string InstancesTable { get; init; } = "instances";

    /// <summary>Durable wake-ups.</summary>
    public string TimersTable { get; init; } = "timers";

    /// <summary>Journey definition versions.</summary>
    public string DefinitionsTable { get; init; } = "definitions";

    /// <summary>Customer aliases.</summary>
    public string IdentitiesTable { get; init; } = "identities";

    /// <summary>Touchpoints kept aside.</summary>
    public string PoisonTable { get; init; } = "poison";

    /// <summary>Touchpoint inbox queue.</summary>
    public string TouchpointsQueue { get; init; } = "touchpoints";

    /// <summary>Actions queue read by channel apps.</summary>
    public string ActionsQueue { get; init; } = "actions";

    /// <summary>Every table name, prefixed.</summary>
    internal IReadOnlyList<string> TableNames =>
        [.. new[] { CustomersTable, InstancesTable, TimersTable, DefinitionsTable, IdentitiesTable, PoisonTable }.Select(Prefixed)];

    /// <summary>Every queue name, prefixed.</summary>
    internal IReadOnlyList<string> QueueNames => [Prefixed(TouchpointsQueue), Prefixed(ActionsQueue)];

    /// <summary>Applies the prefix.</summary>
    /// <param name="name">A configured name.</param>
    /// <returns>The name in the account.</returns>
    internal string Prefixed(string name) => Prefix + name;

    /// <summary>Fails early, with the offending name, instead of with a 400 from the service at start-up.</summary>
    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new ArgumentException("StorageOptions.ConnectionString is required.", nameof(ConnectionString));
        }

        foreach (var table in TableNames.Where(name => !TableName().IsMatch(name)))
        {
            throw new ArgumentException($"'{table}' is not a valid table name: 3 to 63 letters or digits, starting with a letter.", nameof(Prefix));
        }

        foreach (var queue in QueueNames.Where(name => !QueueName().IsMatch(name) || name.Contains("--", StringComparison.Ordinal)))
        {
            throw new ArgumentException($"'{queue}' is not a valid queue name: 3 to 63 lower-case letters, digits or single hyphens, not starting or ending with a hyphen.", nameof(Prefix));
        }
    }

    // The generated ToString would print the connection string, account key included, into any log.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Prefix = ").Append(Prefix)
            .Append(", Tables = ").AppendJoin(' ', TableNames)
            .Append(", Queues = ").AppendJoin(' ', QueueNames);
        return true;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex TableName();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex QueueName();
}
