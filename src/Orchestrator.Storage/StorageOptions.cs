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
    /// <summary>
    /// Storage account connection string (<c>UseDevelopmentStorage=true</c> for Azurite); empty when the account is
    /// reached by <see cref="TableServiceUri"/> and an identity instead.
    /// </summary>
    public string ConnectionString { get; init; } = "";

    /// <summary>
    /// The account's table endpoint (<c>https://{account}.table.core.windows.net</c>), reached with a Microsoft Entra
    /// identity: no key or secret. Used when <see cref="ConnectionString"/> is empty.
    /// </summary>
    public Uri? TableServiceUri { get; init; }

    /// <summary>The account's queue endpoint; by default the table endpoint with <c>table</c> read as <c>queue</c>.</summary>
    public Uri? QueueServiceUri { get; init; }

    /// <summary>
    /// Client id of the user-assigned managed identity to use with the endpoints; when empty, the default Azure
    /// credential chain (managed identity in Azure, the developer's sign-in locally).
    /// </summary>
    public string? ClientId { get; init; }

    /// <summary>Whether the account is reached by endpoint and identity rather than a connection string.</summary>
    internal bool UsesIdentity => string.IsNullOrWhiteSpace(ConnectionString);

    /// <summary>The queue endpoint for identity access.</summary>
    internal Uri? QueueEndpoint => QueueServiceUri ?? (TableServiceUri is { } tables
        ? new UriBuilder(tables) { Host = tables.Host.Replace(".table.", ".queue.", StringComparison.OrdinalIgnoreCase) }.Uri
        : null);

    /// <summary>
    /// Whether the point reads and entity-group transactions of every touchpoint go straight to the Table REST API
    /// (the default), or through the Azure SDK like every other call. Off is the fallback should the lean transport
    /// ever disagree with the service; both write and read the same rows.
    /// </summary>
    public bool LeanTableTransport { get; init; } = true;

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

    /// <summary>Analytics buckets and fold marks, one partition per journey.</summary>
    public string AnalyticsTable { get; init; } = "analytics";

    /// <summary>Marks of dispatched actions whose outbox entries are still stored, a page per acknowledgement round.</summary>
    public string DispatchedTable { get; init; } = "dispatched";

    /// <summary>Migrations of running instances between versions, with their progress, one partition per journey.</summary>
    public string MigrationsTable { get; init; } = "migrations";

    /// <summary>Touchpoint inbox queue.</summary>
    public string TouchpointsQueue { get; init; } = "touchpoints";

    /// <summary>Actions queue read by channel apps.</summary>
    public string ActionsQueue { get; init; } = "actions";

    /// <summary>Every table name, prefixed.</summary>
    internal IReadOnlyList<string> TableNames =>
        [.. new[] { CustomersTable, InstancesTable, TimersTable, DefinitionsTable, IdentitiesTable, PoisonTable, AnalyticsTable, DispatchedTable, MigrationsTable }.Select(Prefixed)];

    /// <summary>Every queue name, prefixed.</summary>
    internal IReadOnlyList<string> QueueNames => [Prefixed(TouchpointsQueue), Prefixed(ActionsQueue)];

    /// <summary>Applies the prefix.</summary>
    /// <param name="name">A configured name.</param>
    /// <returns>The name in the account.</returns>
    internal string Prefixed(string name) => Prefix + name;

    /// <summary>Fails early, with the offending name, instead of with a 400 from the service at start-up.</summary>
    internal void Validate()
    {
        if (UsesIdentity && TableServiceUri is null)
        {
            throw new ArgumentException("Set StorageOptions.ConnectionString, or StorageOptions.TableServiceUri to reach the account with an identity.", nameof(ConnectionString));
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
        builder.Append("Account = ").Append(UsesIdentity ? TableServiceUri?.Host : "(connection string)")
            .Append(", Prefix = ").Append(Prefix)
            .Append(", Tables = ").AppendJoin(' ', TableNames)
            .Append(", Queues = ").AppendJoin(' ', QueueNames);
        return true;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex TableName();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex QueueName();
}
