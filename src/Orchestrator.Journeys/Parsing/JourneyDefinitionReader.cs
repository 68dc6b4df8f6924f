using System.Text.Json;
using System.Text.Unicode;

namespace Orchestrator.Journeys.Parsing;

/// <summary>Reads and validates journey definitions.</summary>
/// <remarks>
/// Reading never throws on any input: every problem becomes a <see cref="DefinitionError"/> with the
/// JSON pointer of the value at fault, and all of them are reported at once so a designer can fix a
/// document in one round.
/// </remarks>
public static class JourneyDefinitionReader
{
    /// <summary>Largest definition accepted, in UTF-8 bytes.</summary>
    public const int MaxBytes = 256 * 1024;

    /// <summary>Most steps a definition may have.</summary>
    public const int MaxSteps = 200;

    /// <summary>Deepest a condition may nest.</summary>
    public const int MaxConditionDepth = 16;

    // Bounds the parser's own recursion; conditions and templates have tighter limits of their own.
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    /// <summary>Reads a definition from UTF-8 JSON, reporting every problem at once.</summary>
    /// <param name="utf8Json">The document.</param>
    /// <returns>The definition, or the errors.</returns>
    public static DefinitionReadResult Read(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.Length > MaxBytes)
        {
            return Failed($"the document is {utf8Json.Length} bytes; at most {MaxBytes} bytes are allowed");
        }

        // Editors on Windows often save a byte order mark, which the parser does not skip.
        if (utf8Json.StartsWith("\uFEFF"u8))
        {
            utf8Json = utf8Json[3..];
        }

        // Checked up front because the parser only notices bad UTF-8 when a string is read, and then throws.
        if (!Utf8.IsValid(utf8Json))
        {
            return new DefinitionReadResult(null, [new DefinitionError(JsonStrings.LocateInvalidUtf8(utf8Json), "is not valid UTF-8")]);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json.ToArray(), DocumentOptions);
        }
        catch (JsonException exception)
        {
            return Failed(exception.Message);
        }

        using (document)
        {
            if (JsonStrings.FindInvalid(document.RootElement) is { } invalid)
            {
                return new DefinitionReadResult(null, [new DefinitionError(invalid, "is not valid text (invalid UTF-8 or an escaped lone surrogate)")]);
            }

            var errors = new List<DefinitionError>();
            var definition = JourneyDocumentReader.Read(document.RootElement, errors);
            return new DefinitionReadResult(errors.Count == 0 ? definition : null, errors);
        }
    }

    /// <summary>Reads a definition from JSON text, reporting every problem at once.</summary>
    /// <param name="json">The document.</param>
    /// <returns>The definition, or the errors.</returns>
    public static DefinitionReadResult Read(string json) => Read(System.Text.Encoding.UTF8.GetBytes(json));

    private static DefinitionReadResult Failed(string message) => new(null, [new DefinitionError(string.Empty, message)]);
}
