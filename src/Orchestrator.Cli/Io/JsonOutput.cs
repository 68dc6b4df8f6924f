using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Orchestrator.Journeys.Parsing;

namespace Orchestrator.Cli.Io;

/// <summary>Writes one indented JSON document to a text writer.</summary>
internal static class JsonOutput
{
    // Output is read by people and tools, never embedded in HTML, so non-ASCII text stays readable.
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(TextWriter output, Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(write);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            write(writer);
        }

        output.WriteLine(Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length));
    }

    public static void WriteErrors(Utf8JsonWriter writer, string propertyName, IEnumerable<DefinitionError> errors)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(errors);
        writer.WriteStartArray(propertyName);
        foreach (var error in errors)
        {
            writer.WriteStartObject();
            writer.WriteString("pointer", error.Pointer);
            writer.WriteString("message", error.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
