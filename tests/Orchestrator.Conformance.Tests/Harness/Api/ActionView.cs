using System.Text.Json;

namespace Orchestrator.Conformance.Tests.Harness.Api;

/// <summary>An action, as recorded in the timeline and as sent on the <c>actions</c> queue.</summary>
public sealed record ActionView(
    string IdempotencyKey,
    string Channel,
    string Action,
    JsonElement? Data,
    string CustomerId,
    string JourneyId,
    int Version,
    string InstanceId,
    string StepId,
    DateTimeOffset CreatedAt)
{
    /// <summary><c>channel/action</c>, as scenario scripts list actions.</summary>
    public string Name => $"{Channel}/{Action}";

    /// <summary>Whether two copies carry the same content (records compare <see cref="JsonElement"/> by reference).</summary>
    /// <param name="other">The other copy.</param>
    /// <returns>True when every field is equal, the data compared as JSON.</returns>
    public bool SameContentAs(ActionView other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return IdempotencyKey == other.IdempotencyKey && Channel == other.Channel && Action == other.Action
            && CustomerId == other.CustomerId && JourneyId == other.JourneyId && Version == other.Version
            && InstanceId == other.InstanceId && StepId == other.StepId && CreatedAt == other.CreatedAt
            && (Data, other.Data) switch
            {
                (null, null) => true,
                ({ } left, { } right) => JsonElement.DeepEquals(left, right),
                _ => false,
            };
    }
}
