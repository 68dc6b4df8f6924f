using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Orchestrator.Application.Actions;
using Orchestrator.Application.Customers;
using Orchestrator.Application.Instances;
using Orchestrator.Application.Serialization;
using Orchestrator.Journeys.Serialization;

namespace Orchestrator.Storage.Tests.Support;

/// <summary>
/// Compares stored records by their JSON: records holding a <see cref="JsonElement"/> are never equal after a
/// round trip, and the JSON is what storage must preserve.
/// </summary>
internal static class Json
{
    public static void Equal(InstanceRecord expected, InstanceRecord? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.RuntimeStatus, actual.RuntimeStatus);
        Equal(expected.State, actual.State, JourneyJsonContext.Default.JourneyState);
    }

    public static void Equal(TimelineEntry expected, TimelineEntry actual) => Equal(expected, actual, ApplicationJsonContext.Default.TimelineEntry);

    public static void Equal(ActionMessage expected, ActionMessage actual) => Equal(expected, actual, ApplicationJsonContext.Default.ActionMessage);

    public static void Equal<T>(T expected, T actual, JsonTypeInfo<T> typeInfo) =>
        Assert.Equal(JsonSerializer.Serialize(expected, typeInfo), JsonSerializer.Serialize(actual, typeInfo));
}
