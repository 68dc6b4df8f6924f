using System.Text;
using System.Text.Json;
using Orchestrator.Application.Actions;
using Orchestrator.Application.Customers;
using Orchestrator.Application.Instances;
using Orchestrator.Journeys;
using Orchestrator.Journeys.Engine;

namespace Orchestrator.Storage.Tests.Support;

/// <summary>Records to store, built so every field that can be lost in a round trip has a telling value.</summary>
internal static class Samples
{
    /// <summary>A time with sub-millisecond ticks and a non-UTC offset, to catch lossy date handling.</summary>
    public static readonly DateTimeOffset T0 = new DateTimeOffset(2025, 3, 1, 9, 30, 15, 123, TimeSpan.FromHours(2)).AddTicks(4567);

    /// <summary>Characters a Table key may not hold, plus the escape character itself.</summary>
    public const string Reserved = "/#?\\%\t";

    public static string NewId(string kind) => $"{kind}-{Guid.NewGuid():N}";

    public static Touchpoint Touchpoint(string customerId, string id) =>
        new(id, "cart.abandoned", "web", customerId, T0, Json("""{"cart":{"total":42.5,"items":["a","b"]}}"""));

    public static JourneyState State(
        string customerId,
        string instanceId,
        JourneyStatus status = JourneyStatus.Running,
        DateTimeOffset? startedAt = null,
        int varsBytes = 0) => new()
        {
            InstanceId = instanceId,
            JourneyId = "abandoned-cart",
            Version = 3,
            CustomerId = customerId,
            Status = status,
            CurrentStep = "wait-1",
            Waiting = WaitKind.Time,
            Awaiting = [new AwaitedEvent("payment.completed", AwaitPurpose.Goal, "data.total > 10")],
            WaitDeadline = T0.AddHours(1),
            StartedAt = startedAt ?? T0,
            UpdatedAt = (startedAt ?? T0).AddMinutes(5),
            StepVisits = 4,
            Trigger = Touchpoint(customerId, "trigger-1"),
            Vars = varsBytes == 0 ? Json("""{"coupon":"SAVE10"}""") : Json(JsonSerializer.Serialize(new { blob = Text(varsBytes) })),
        };

    public static InstanceRecord NewInstance(string customerId, string instanceId, InstanceRuntimeStatus status = InstanceRuntimeStatus.Running, DateTimeOffset? startedAt = null) =>
        new(State(customerId, instanceId, status is InstanceRuntimeStatus.Completed ? JourneyStatus.Completed : JourneyStatus.Running, startedAt), status, null);

    public static ActionMessage Action(string customerId, string key) =>
        new(key, "email", "send-reminder", Json("""{"subject":"Your cart","total":42.5}"""), customerId, "abandoned-cart", 3, "instance-1", "send-1", T0);

    public static TimelineEntry Entry(string customerId, long sequence, params ActionMessage[] actions) =>
        new(sequence, T0.AddSeconds(sequence), "touchpoint", Touchpoint(customerId, $"tp-{sequence}"), [], actions, [$"note {sequence}"]);

    public static CustomerRecord Customer(string customerId, long sequence, string? etag) =>
        new(customerId, sequence, new Dictionary<string, JourneyEntryHistory> { ["abandoned-cart"] = new((int)sequence, 1, T0) }, etag);

    /// <summary>A first commit for a new customer: one new instance, one touchpoint, the given actions.</summary>
    public static CustomerCommit FirstCommit(string customerId, string instanceId, string? touchpointId, params ActionMessage[] actions) =>
        new(Customer(customerId, 1, null), [NewInstance(customerId, instanceId)], Entry(customerId, 1, actions), touchpointId, actions);

    /// <summary>Non-repeating text of a given size, so compression or truncation would show.</summary>
    public static string Text(int length)
    {
        var text = new StringBuilder(length + 16);
        for (var i = 0; text.Length < length; i++)
        {
            text.Append(i).Append(';');
        }

        return text.ToString(0, length);
    }

    private static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
