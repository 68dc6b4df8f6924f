using System.Text.Json;
using Orchestrator.Journeys.Engine;
using Orchestrator.Journeys.Serialization;

namespace Orchestrator.Journeys.Tests.Support;

/// <summary>Serializes engine values through the library's own source-generated context.</summary>
internal static class Serialized
{
    public static string Of(JourneyState state) => JsonSerializer.Serialize(state, JourneyJsonContext.Default.JourneyState);

    public static string Of(JourneyTransition transition) => JsonSerializer.Serialize(transition, JourneyJsonContext.Default.JourneyTransition);

    public static string Of(IReadOnlyList<JourneyCommand> commands) => JsonSerializer.Serialize(commands, JourneyJsonContext.Default.IReadOnlyListJourneyCommand);

    public static string Of(IReadOnlyList<JourneyDecision> decisions) => JsonSerializer.Serialize(decisions, JourneyJsonContext.Default.IReadOnlyListJourneyDecision);

    public static JourneyState State(string json) =>
        JsonSerializer.Deserialize(json, JourneyJsonContext.Default.JourneyState) ?? throw new InvalidOperationException("null state");

    public static JourneyTransition Transition(string json) =>
        JsonSerializer.Deserialize(json, JourneyJsonContext.Default.JourneyTransition) ?? throw new InvalidOperationException("null transition");

    /// <summary>Serializes, deserializes and returns the copy.</summary>
    public static JourneyState RoundTrip(JourneyState state) => State(Of(state));
}
