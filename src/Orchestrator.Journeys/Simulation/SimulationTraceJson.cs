using System.Text.Json;
using Orchestrator.Journeys.Serialization;

namespace Orchestrator.Journeys.Simulation;

/// <summary>
/// Writes a simulation trace as JSON, the one shape the CLI prints and the designer API answers. Decisions,
/// commands and state go through the library's source-generated <see cref="JourneyJsonContext"/>, so they read
/// exactly as the hosts store them.
/// </summary>
public static class SimulationTraceJson
{
    /// <summary>Writes the trace: entries, final state, outcome, actions, steps and, when given, the expectation check.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="trace">The trace.</param>
    /// <param name="mismatches">What <see cref="SimulationVerifier"/> found, or null when the script expects nothing.</param>
    public static void Write(Utf8JsonWriter writer, SimulationTrace trace, IReadOnlyList<string>? mismatches)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(trace);
        writer.WriteStartObject();
        writer.WriteStartArray("entries");
        foreach (var entry in trace.Entries)
        {
            writer.WriteStartObject();
            writer.WriteString("at", entry.At);
            writer.WriteString("input", entry.Input);
            writer.WriteString("effect", entry.Effect);
            writer.WriteStartArray("decisions");
            foreach (var decision in entry.Decisions)
            {
                JsonSerializer.Serialize(writer, decision, JourneyJsonContext.Default.JourneyDecision);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("commands");
            foreach (var command in entry.Commands)
            {
                JsonSerializer.Serialize(writer, command, JourneyJsonContext.Default.JourneyCommand);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WritePropertyName("finalState");
        if (trace.FinalState is { } state)
        {
            JsonSerializer.Serialize(writer, state, JourneyJsonContext.Default.JourneyState);
        }
        else
        {
            writer.WriteNullValue();
        }

        writer.WriteString("outcome", trace.Outcome);
        WriteStrings(writer, "actions", trace.Actions);
        WriteStrings(writer, "steps", trace.Steps);
        if (mismatches is not null)
        {
            writer.WriteStartObject("expectations");
            writer.WriteBoolean("met", mismatches.Count == 0);
            WriteStrings(writer, "mismatches", mismatches);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
