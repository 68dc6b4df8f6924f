using Azure.Data.Tables;
using Azure.Core;
using Azure.Identity;
using Azure.Storage.Queues;
using Orchestrator.Storage.Diagnostics;
using Orchestrator.Storage.Queues;
using Orchestrator.Storage.Tables;
using Orchestrator.Storage.Tables.Rest;

namespace Orchestrator.Storage;

/// <summary>The storage account's clients, made once and shared by every store (the SDK clients are thread-safe).</summary>
internal sealed class AzureStorageAccount : IStorageInitializer
{
    private readonly StorageOptions _options;
    private readonly TableServiceClient _tables;
    private readonly QueueServiceClient _queues;
    private readonly TableHttpConnection? _lean;

    /// <summary>Connects to the account named in the options.</summary>
    /// <param name="options">Validated options.</param>
    public AzureStorageAccount(StorageOptions options)
    {
        options.Validate();
        _options = options;
        var tableOptions = new TableClientOptions();
        tableOptions.AddPolicy(StorageRequestPolicy.Tables, HttpPipelinePosition.PerRetry);
        var credential = options.UsesIdentity ? Credential(options.ClientId) : null;
        _tables = credential is null
            ? new TableServiceClient(options.ConnectionString, tableOptions)
            : new TableServiceClient(options.TableServiceUri, credential, tableOptions);
        _lean = options.LeanTableTransport ? LeanConnection(options, credential) : null;

        // Plain text, not base64: messages are JSON, readable in any tool, and channel apps need no decoding.
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None };
        queueOptions.AddPolicy(StorageRequestPolicy.Queues, HttpPipelinePosition.PerRetry);
        _queues = credential is null
            ? new QueueServiceClient(options.ConnectionString, queueOptions)
            : new QueueServiceClient(options.QueueEndpoint, credential, queueOptions);
    }

    // A user-assigned identity when its client id is given (as in the azd deployment); otherwise the default chain.
    private static TokenCredential Credential(string? clientId) => clientId is { Length: > 0 }
        ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
        : new DefaultAzureCredential();

    /// <summary>The customer store.</summary>
    /// <returns>A store on the customers table.</returns>
    public TableCustomerStore CustomerStore() => new(Table(_options.CustomersTable));

    /// <summary>The instance directory.</summary>
    /// <returns>A directory on the instances table.</returns>
    public TableInstanceDirectory InstanceDirectory() => new(Table(_options.InstancesTable));

    /// <summary>The timer store.</summary>
    /// <returns>A store on the timers table.</returns>
    public TableTimerStore TimerStore() => new(Table(_options.TimersTable));

    /// <summary>The definition store.</summary>
    /// <returns>A store on the definitions table.</returns>
    public TableDefinitionStore DefinitionStore() => new(Table(_options.DefinitionsTable));

    /// <summary>The identity store.</summary>
    /// <returns>A store on the identities table.</returns>
    public TableIdentityStore IdentityStore() => new(Table(_options.IdentitiesTable));

    /// <summary>The poison store.</summary>
    /// <returns>A store on the poison table.</returns>
    public TablePoisonStore PoisonStore() => new(Table(_options.PoisonTable));

    /// <summary>The analytics store.</summary>
    /// <returns>A new store over the shared client.</returns>
    public TableAnalyticsStore AnalyticsStore() => new(Table(_options.AnalyticsTable));

    /// <summary>The dispatch log.</summary>
    /// <returns>A log on the dispatched table.</returns>
    public TableDispatchLog DispatchLog() => new(Table(_options.DispatchedTable));

    /// <summary>The migration store.</summary>
    /// <returns>A store on the migrations table.</returns>
    public TableMigrationStore MigrationStore() => new(Table(_options.MigrationsTable));

    /// <summary>The touchpoint inbox.</summary>
    /// <returns>An inbox on the touchpoints queue.</returns>
    public QueueTouchpointInbox TouchpointInbox() => new(Queue(_options.TouchpointsQueue));

    /// <summary>The action sink.</summary>
    /// <returns>A sink on the actions queue.</returns>
    public QueueActionSink ActionSink() => new(Queue(_options.ActionsQueue));

    /// <summary>A queue client with this account's settings.</summary>
    /// <param name="name">Configured (unprefixed) queue name.</param>
    /// <returns>The client.</returns>
    public QueueClient Queue(string name) => _queues.GetQueueClient(_options.Prefixed(name));

    /// <inheritdoc />
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        var tables = _options.TableNames.Select(name => new TableGateway(_tables.GetTableClient(name)).CreateIfNotExistsAsync(cancellationToken));
        var queues = _options.QueueNames.Select(name => _queues.GetQueueClient(name).CreateIfNotExistsAsync(cancellationToken: cancellationToken));
        await Task.WhenAll(tables.Concat(queues));
    }

    private TableGateway Table(string name)
    {
        var prefixed = _options.Prefixed(name);
        return new(_tables.GetTableClient(prefixed), _lean is null ? null : new LeanTableClient(_lean, new TableAddress(_tables.Uri, prefixed)));
    }

    // The same identity or key the SDK clients use; a connection string without a key (a SAS) stays on the SDK.
    private static TableHttpConnection? LeanConnection(StorageOptions options, TokenCredential? credential)
    {
        ITableRequestAuthorizer? authorizer = credential is not null
            ? new BearerTokenAuthorizer(credential, TimeProvider.System)
            : SharedKeyCredentials.FromConnectionString(options.ConnectionString) is { } key
                ? new SharedKeyLiteAuthorizer(key.AccountName, key.AccountKey, TimeProvider.System)
                : null;
        return authorizer is null ? null : new TableHttpConnection(TableHttpConnection.SharedClient, authorizer, TimeProvider.System);
    }
}
