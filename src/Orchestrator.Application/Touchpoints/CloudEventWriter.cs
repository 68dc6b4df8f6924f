using System.Text;
using System.Text.Json;
using Orchestrator.Journeys;

namespace Orchestrator.Application.Touchpoints;

/// <summary>Writes a resolved touchpoint back as a structured-mode CloudEvent, so a poison entry made from it can be replayed.</summary>
internal static class CloudEventWriter
{
    /// <summary>The touchpoint as <c>application/cloudevents+json</c>, its customer id as the subject.</summary>
    /// <param name="touchpoint">The touchpoint.</param>
    /// <returns>The JSON text.</returns>
    public static string Structured(Touchpoint touchpoint)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("specversion", "1.0");
            writer.WriteString("id", touchpoint.Id);
            writer.WriteString("source", touchpoint.Source);
            writer.WriteString("type", touchpoint.Type);
            writer.WriteString("subject", touchpoint.CustomerId);
            writer.WriteString("time", touchpoint.Time);
            if (touchpoint.Data is { } data)
            {
                writer.WriteString("datacontenttype", "application/json");
                writer.WritePropertyName("data");
                data.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
