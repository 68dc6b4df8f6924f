using System.Globalization;
using Azure.Data.Tables;
using Orchestrator.Application.Actions;
using Orchestrator.Application.Customers;
using Orchestrator.Application.Instances;
using Orchestrator.Application.Rules;
using Orchestrator.Application.Serialization;
using Orchestrator.Journeys.Customers;
using Orchestrator.Journeys.Serialization;

namespace Orchestrator.Storage.Tables;

/// <summary>
/// The rows of one customer's partition in the <c>customers</c> table and how records map onto them.
/// Row key prefixes end in <c>|</c>, so a prefix's range ends at the same text with <c>}</c>.
/// </summary>
internal static class CustomerRows
{
    /// <summary>The customer's bookkeeping row.</summary>
    public const string CustomerKey = "customer";

    /// <summary>Instance rows: <c>instance|{instanceId}</c>.</summary>
    public const string InstancePrefix = "instance|";

    /// <summary>Dedupe markers: <c>seen|{touchpointId}</c>.</summary>
    public const string SeenPrefix = "seen|";

    /// <summary>Timeline rows: <c>timeline|{sequence:D19}</c>.</summary>
    public const string TimelinePrefix = "timeline|";

    /// <summary>Outbox rows: <c>outbox|{idempotencyKey}</c>.</summary>
    public const string OutboxPrefix = "outbox|";

    /// <summary>Analytics outbox rows: <c>analytics|{sequence:D19}</c>.</summary>
    public const string AnalyticsPrefix = "analytics|";

    private const string Json = nameof(Json);
    private const string State = nameof(State);
    private const string Entries = nameof(Entries);
    private const string Sequence = nameof(Sequence);
    private const string RuntimeStatus = nameof(RuntimeStatus);
    private const string Buffered = nameof(Buffered);
    private const string Sends = nameof(Sends);
    private const string Deferred = nameof(Deferred);
    private const string Active = nameof(Active);
    private const string Recent = nameof(Recent);
    private const string Profile = nameof(Profile);

    /// <summary>Row key of an instance.</summary>
    /// <param name="instanceId">The instance.</param>
    /// <returns>The row key.</returns>
    public static string InstanceKey(string instanceId) => InstancePrefix + KeyEncoding.Encode(instanceId);

    /// <summary>Row key of a dedupe marker.</summary>
    /// <param name="touchpointId">The touchpoint.</param>
    /// <returns>The row key.</returns>
    public static string SeenKey(string touchpointId) => SeenPrefix + KeyEncoding.Encode(touchpointId);

    /// <summary>Row key of an outbox entry.</summary>
    /// <param name="idempotencyKey">The action.</param>
    /// <returns>The row key.</returns>
    public static string OutboxKey(string idempotencyKey) => OutboxPrefix + KeyEncoding.Encode(idempotencyKey);

    /// <summary>Row key of an analytics record.</summary>
    /// <param name="sequence">The commit's sequence.</param>
    /// <returns>The row key.</returns>
    public static string AnalyticsKey(long sequence) => AnalyticsPrefix + sequence.ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>The row of an analytics record.</summary>
    /// <param name="partitionKey">Encoded customer id.</param>
    /// <param name="record">The record.</param>
    /// <returns>The entity.</returns>
    public static TableEntity ToEntity(string partitionKey, Orchestrator.Application.Analytics.AnalyticsRecord record)
    {
        var entity = new TableEntity(partitionKey, AnalyticsKey(record.Sequence));
        JsonChunks.Write(entity, Json, StorageJson.Serialize(record, ApplicationJsonContext.Default.AnalyticsRecord, $"Analytics record {record.Sequence}"));
        return entity;
    }

    /// <summary>Reads an analytics record row.</summary>
    /// <param name="entity">The entity.</param>
    /// <returns>The record.</returns>
    public static Orchestrator.Application.Analytics.AnalyticsRecord ToAnalytics(TableEntity entity) =>
        StorageJson.Deserialize(JsonChunks.Read(entity, Json), ApplicationJsonContext.Default.AnalyticsRecord, "AnalyticsRecord");

    /// <summary>The customer row, carrying the active instances and recent touchpoint ids beside the record.</summary>
    /// <param name="partitionKey">Encoded customer id.</param>
    /// <param name="customer">The record.</param>
    /// <param name="active">The customer's active instances after the write.</param>
    /// <param name="recent">The latest touchpoint ids after the write, oldest first.</param>
    /// <returns>The entity.</returns>
    public static TableEntity ToEntity(string partitionKey, CustomerRecord customer, List<EmbeddedInstance> active, List<string> recent)
    {
        var entity = ToEntity(partitionKey, customer);
        long bytes = JsonChunks.Bytes(entity);
        if (active.Count > 0)
        {
            var json = StorageJson.Serialize(active, TableStorageJsonContext.Default.ListEmbeddedInstance, $"Customer '{customer.CustomerId}' active instances");
            bytes += json.Length;
            JsonChunks.Write(entity, Active, json);
        }

        if (recent.Count > 0)
        {
            var json = StorageJson.Serialize(recent, TableStorageJsonContext.Default.ListString, $"Customer '{customer.CustomerId}' recent touchpoints");
            bytes += json.Length;
            JsonChunks.Write(entity, Recent, json);
        }

        StorageJson.CheckEntity(bytes, $"Customer '{customer.CustomerId}' with its active instances");
        return entity;
    }

    /// <summary>The customer row without embedded instances.</summary>
    /// <param name="partitionKey">Encoded customer id.</param>
    /// <param name="customer">The record.</param>
    /// <returns>The entity.</returns>
    public static TableEntity ToEntity(string partitionKey, CustomerRecord customer)
    {
        var entity = new TableEntity(partitionKey, CustomerKey)
        {
            ["CustomerId"] = customer.CustomerId,
            [Sequence] = customer.Sequence,
        };
        var entries = customer.Entries as Dictionary<string, JourneyEntryHistory> ?? new Dictionary<string, JourneyEntryHistory>(customer.Entries);
        JsonChunks.Write(entity, Entries, StorageJson.Serialize(entries, ApplicationJsonContext.Default.DictionaryStringJourneyEntryHistory, $"Customer '{customer.CustomerId}'"));
        if (customer.Sends.Count > 0)
        {
            JsonChunks.Write(entity, Sends, StorageJson.Serialize(SendsList(customer), ApplicationJsonContext.Default.ListSentAction, $"Customer '{customer.CustomerId}' sends"));
        }

        if (!customer.Profile.IsEmpty)
        {
            JsonChunks.Write(entity, Profile, ProfileJson(customer));
        }

        return entity;
    }

    /// <summary>An instance row.</summary>
    /// <param name="partitionKey">Encoded customer id.</param>
    /// <param name="instance">The record.</param>
    /// <returns>The entity.</returns>
    public static TableEntity ToEntity(string partitionKey, InstanceRecord instance)
    {
        var state = instance.State;
        var entity = new TableEntity(partitionKey, InstanceKey(instance.InstanceId))
        {
            ["InstanceId"] = instance.InstanceId,
            [RuntimeStatus] = instance.RuntimeStatus.ToString(),
            [Active] = instance.IsActive,
            ["JourneyId"] = state.JourneyId,
            ["Version"] = state.Version,
            ["CreatedTime"] = state.StartedAt,
            ["LastUpdatedTime"] = state.UpdatedAt,
        };
        var stateJson = StorageJson.Serialize(state, JourneyJsonContext.Default.JourneyState, $"Instance '{instance.InstanceId}'");
        JsonChunks.Write(entity, State, stateJson);
        if (instance.Buffered.Count > 0)
        {
            // Written only while suspended with touchpoints kept; a replace without it clears the old chunks.
            var bufferedJson = StorageJson.Serialize(BufferedList(instance), ApplicationJsonContext.Default.ListTouchpoint, $"Instance '{instance.InstanceId}' buffer");
            StorageJson.CheckEntity(stateJson.Length + bufferedJson.Length, $"Instance '{instance.InstanceId}' with its buffered touchpoints");
            JsonChunks.Write(entity, Buffered, bufferedJson);
        }

        if (instance.Deferred.Count > 0)
        {
            JsonChunks.Write(entity, Deferred, StorageJson.Serialize(DeferredList(instance), ApplicationJsonContext.Default.ListDeferredAction, $"Instance '{instance.InstanceId}' deferred actions"));
        }

        return entity;
    }

    /// <summary>A timeline row.</summary>
    /// <param name="partitionKey">Encoded customer id.</param>
    /// <param name="entry">The entry.</param>
    /// <returns>The entity.</returns>
    public static TableEntity ToEntity(string partitionKey, TimelineEntry entry)
    {
        var key = TimelinePrefix + entry.Sequence.ToString("D19", CultureInfo.InvariantCulture);
        var entity = new TableEntity(partitionKey, key) { [Sequence] = entry.Sequence };
        JsonChunks.Write(entity, Json, StorageJson.Serialize(entry, ApplicationJsonContext.Default.TimelineEntry, $"Timeline entry {entry.Sequence}"));
        return entity;
    }

    /// <summary>An outbox row.</summary>
    /// <param name="partitionKey">Encoded customer id.</param>
    /// <param name="action">The action.</param>
    /// <returns>The entity.</returns>
    public static TableEntity ToEntity(string partitionKey, ActionMessage action)
    {
        var entity = new TableEntity(partitionKey, OutboxKey(action.IdempotencyKey));
        JsonChunks.Write(entity, Json, StorageJson.Serialize(action, ApplicationJsonContext.Default.ActionMessage, $"Action '{action.IdempotencyKey}'"));
        return entity;
    }

    /// <summary>Reads the customer row.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="entity">The row.</param>
    /// <returns>The record with the row's ETag.</returns>
    public static CustomerRecord ToCustomer(string customerId, TableEntity entity) => new(
        customerId,
        entity.GetInt64(Sequence) ?? 0,
        StorageJson.Deserialize(JsonChunks.Read(entity, Entries), ApplicationJsonContext.Default.DictionaryStringJourneyEntryHistory, $"Customer '{customerId}'"),
        entity.ETag.ToString())
    {
        Sends = entity.GetBinary(Sends) is null
            ? []
            : StorageJson.Deserialize(JsonChunks.Read(entity, Sends), ApplicationJsonContext.Default.ListSentAction, $"Customer '{customerId}' sends"),
        Profile = entity.GetBinary(Profile) is null
            ? CustomerProfile.Empty
            : StorageJson.Deserialize(JsonChunks.Read(entity, Profile), ApplicationJsonContext.Default.CustomerProfile, $"Customer '{customerId}' profile"),
        RecentTouchpoints = entity.GetBinary(Recent) is null
            ? []
            : StorageJson.Deserialize(JsonChunks.Read(entity, Recent), TableStorageJsonContext.Default.ListString, $"Customer '{customerId}' recent touchpoints"),
        ActiveInstances = ToActiveInstances(customerId, entity),
    };

    /// <summary>Reads only the active instances the customer row carries, leaving its other documents unread.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="entity">The customer row.</param>
    /// <returns>The active instances, their ETags naming their revisions.</returns>
    public static List<InstanceRecord> ToActiveInstances(string customerId, TableEntity entity) => entity.GetBinary(Active) is null
        ? []
        : [.. StorageJson.Deserialize(JsonChunks.Read(entity, Active), TableStorageJsonContext.Default.ListEmbeddedInstance, $"Customer '{customerId}' active instances")
            .Select(embedded => embedded.ToRecord())];

    /// <summary>Whether an instance row was written while the instance was active, so the customer row holds its latest state.</summary>
    /// <param name="entity">The instance row.</param>
    /// <returns>True for an active instance's row.</returns>
    public static bool IsActiveInstance(TableEntity entity) => entity.GetBoolean(Active) ?? false;

    /// <summary>Reads an instance row.</summary>
    /// <param name="entity">The row.</param>
    /// <returns>The record with the row's ETag.</returns>
    public static InstanceRecord ToInstance(TableEntity entity) => new(
        StorageJson.Deserialize(JsonChunks.Read(entity, State), JourneyJsonContext.Default.JourneyState, $"Instance row {entity.RowKey}"),
        Enum.Parse<InstanceRuntimeStatus>(entity.GetString(RuntimeStatus)),
        entity.ETag.ToString())
    {
        Buffered = entity.GetBinary(Buffered) is null
            ? []
            : StorageJson.Deserialize(JsonChunks.Read(entity, Buffered), ApplicationJsonContext.Default.ListTouchpoint, $"Instance row {entity.RowKey} buffer"),
        Deferred = entity.GetBinary(Deferred) is null
            ? []
            : StorageJson.Deserialize(JsonChunks.Read(entity, Deferred), ApplicationJsonContext.Default.ListDeferredAction, $"Instance row {entity.RowKey} deferred actions"),
    };

    /// <summary>The buffered touchpoints as the list type the JSON context knows.</summary>
    /// <param name="instance">The instance.</param>
    /// <returns>The list.</returns>
    public static List<Orchestrator.Journeys.Touchpoint> BufferedList(InstanceRecord instance) =>
        instance.Buffered as List<Orchestrator.Journeys.Touchpoint> ?? [.. instance.Buffered];

    /// <summary>The customer's profile as JSON.</summary>
    /// <param name="customer">The customer.</param>
    /// <returns>The JSON.</returns>
    public static byte[] ProfileJson(CustomerRecord customer) =>
        StorageJson.Serialize(customer.Profile, ApplicationJsonContext.Default.CustomerProfile, $"Customer '{customer.CustomerId}' profile");

    /// <summary>The customer's sends as the list type the JSON context knows.</summary>
    /// <param name="customer">The customer.</param>
    /// <returns>The list.</returns>
    public static List<SentAction> SendsList(CustomerRecord customer) =>
        customer.Sends as List<SentAction> ?? [.. customer.Sends];

    /// <summary>An instance's deferred actions as the list type the JSON context knows.</summary>
    /// <param name="instance">The instance.</param>
    /// <returns>The list.</returns>
    public static List<DeferredAction> DeferredList(InstanceRecord instance) =>
        instance.Deferred as List<DeferredAction> ?? [.. instance.Deferred];

    /// <summary>Reads a timeline row.</summary>
    /// <param name="entity">The row.</param>
    /// <returns>The entry.</returns>
    public static TimelineEntry ToTimelineEntry(TableEntity entity) =>
        StorageJson.Deserialize(JsonChunks.Read(entity, Json), ApplicationJsonContext.Default.TimelineEntry, $"Timeline row {entity.RowKey}");

    /// <summary>Reads an outbox row.</summary>
    /// <param name="entity">The row.</param>
    /// <returns>The action.</returns>
    public static ActionMessage ToAction(TableEntity entity) =>
        StorageJson.Deserialize(JsonChunks.Read(entity, Json), ApplicationJsonContext.Default.ActionMessage, $"Outbox row {entity.RowKey}");
}
