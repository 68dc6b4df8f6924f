using System.Globalization;
using System.Net.Mime;
using System.Text;
using System.Text.Json;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;
using Orchestrator.Journeys.Parsing;

namespace Orchestrator.Application.Touchpoints;

/// <summary>
/// Reads touchpoints from CloudEvents 1.0 in structured, batch and binary mode, checking every attribute
/// the product relies on and naming the one at fault. Shared by every ingress (HTTP, queues, Service Bus).
/// </summary>
public static class CloudEventReader
{
    /// <summary>Structured-mode content type.</summary>
    public const string StructuredContentType = "application/cloudevents+json";

    /// <summary>Batch-mode content type.</summary>
    public const string BatchContentType = "application/cloudevents-batch+json";

    private static readonly JsonEventFormatter Formatter = new();
    private static readonly HashSet<string> Known =
        ["specversion", "id", "source", "type", "subject", "time", "datacontenttype", "dataschema", "data", "data_base64"];

    /// <summary>Reads one structured-mode event.</summary>
    /// <param name="body">UTF-8 JSON.</param>
    /// <param name="maxBytes">Largest event accepted.</param>
    /// <returns>The touchpoint or the problems.</returns>
    public static TouchpointReadResult ReadStructured(ReadOnlyMemory<byte> body, int maxBytes)
    {
        if (body.Length > maxBytes)
        {
            return TouchpointReadResult.Fail(new TouchpointProblem(string.Empty, $"the event is {body.Length} bytes; at most {maxBytes} are accepted"));
        }

        if (!TryParse(body, out var document, out var problem))
        {
            // A single event's attributes are named without the leading '/' of a pointer.
            return TouchpointReadResult.Fail(problem with { Attribute = problem.Attribute.TrimStart('/') });
        }

        using (document)
        {
            var problems = new List<TouchpointProblem>();
            var touchpoint = Read(document.RootElement, string.Empty, problems);
            return touchpoint is null ? new TouchpointReadResult([], problems) : new TouchpointReadResult([touchpoint], []);
        }
    }

    /// <summary>Reads a batch-mode array of events; one bad event rejects the whole batch.</summary>
    /// <param name="body">UTF-8 JSON array.</param>
    /// <param name="maxBytesPerEvent">Largest event accepted.</param>
    /// <param name="maxEvents">Most events accepted in one batch.</param>
    /// <returns>The touchpoints or the problems, each pointing into the array.</returns>
    public static TouchpointReadResult ReadBatch(ReadOnlyMemory<byte> body, int maxBytesPerEvent, int maxEvents)
    {
        if (body.Length > maxBytesPerEvent * (long)maxEvents)
        {
            return TouchpointReadResult.Fail(new TouchpointProblem(string.Empty, $"the batch is {body.Length} bytes; at most {maxEvents} events of {maxBytesPerEvent} bytes are accepted"));
        }

        if (!TryParse(body, out var document, out var problem))
        {
            return TouchpointReadResult.Fail(problem);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array)
            {
                return TouchpointReadResult.Fail(new TouchpointProblem(string.Empty, "a batch is a JSON array of CloudEvents"));
            }

            var count = root.GetArrayLength();
            if (count == 0 || count > maxEvents)
            {
                return TouchpointReadResult.Fail(new TouchpointProblem(string.Empty, $"a batch holds 1 to {maxEvents} events; this one holds {count}"));
            }

            var problems = new List<TouchpointProblem>();
            var touchpoints = new List<IncomingTouchpoint>(count);
            var index = 0;
            foreach (var item in root.EnumerateArray())
            {
                var pointer = $"/{index++}";
                if (Encoding.UTF8.GetByteCount(item.GetRawText()) > maxBytesPerEvent)
                {
                    problems.Add(new TouchpointProblem(pointer, $"the event is larger than {maxBytesPerEvent} bytes"));
                    continue;
                }

                if (Read(item, pointer, problems) is { } touchpoint)
                {
                    touchpoints.Add(touchpoint);
                }
            }

            return problems.Count > 0 ? new TouchpointReadResult([], problems) : new TouchpointReadResult(touchpoints, []);
        }
    }

    /// <summary>Reads a binary-mode event: attributes from <c>ce-*</c> headers, data from the body.</summary>
    /// <param name="attributes">Attribute name (without the <c>ce-</c> prefix) to value.</param>
    /// <param name="contentType">The body's content type.</param>
    /// <param name="body">The data.</param>
    /// <param name="maxBytes">Largest event accepted.</param>
    /// <returns>The touchpoint or the problems.</returns>
    public static TouchpointReadResult ReadBinary(IReadOnlyDictionary<string, string> attributes, string? contentType, ReadOnlyMemory<byte> body, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        if (body.Length > maxBytes)
        {
            return TouchpointReadResult.Fail(new TouchpointProblem("data", $"the event is {body.Length} bytes; at most {maxBytes} are accepted"));
        }

        if (body.Length > 0 && !IsJson(contentType))
        {
            return TouchpointReadResult.Fail(new TouchpointProblem("datacontenttype", "data must be JSON (application/json)"));
        }

        // Rebuild the structured form with the SDK, then read it like any other event, so every mode
        // is held to the same rules.
        var cloudEvent = new CloudEvent(CloudEventsSpecVersion.V1_0);
        var problems = new List<TouchpointProblem>();
        foreach (var (name, value) in attributes)
        {
            if (name == "specversion")
            {
                if (value != "1.0")
                {
                    problems.Add(new TouchpointProblem("specversion", $"must be 1.0, not '{value}'"));
                }

                continue;
            }

            try
            {
                cloudEvent.SetAttributeFromString(name, value);
            }
            catch (ArgumentException exception)
            {
                problems.Add(new TouchpointProblem(name, exception.Message));
            }
        }

        if (problems.Count > 0)
        {
            return new TouchpointReadResult([], problems);
        }

        if (body.Length > 0)
        {
            if (!TryParse(body, out var data, out var problem))
            {
                return TouchpointReadResult.Fail(problem with { Attribute = "data" });
            }

            using (data)
            {
                cloudEvent.Data = data.RootElement.Clone();
            }

            cloudEvent.DataContentType = MediaTypeNames.Application.Json;
        }

        foreach (var required in new[] { "id", "source", "type" })
        {
            if (cloudEvent[required] is null)
            {
                problems.Add(new TouchpointProblem(required, $"the ce-{required} header is required"));
            }
        }

        if (problems.Count > 0)
        {
            return new TouchpointReadResult([], problems);
        }

        var structured = Formatter.EncodeStructuredModeMessage(cloudEvent, out _);
        return ReadStructured(structured, maxBytes);
    }

    private static IncomingTouchpoint? Read(JsonElement element, string pointer, List<TouchpointProblem> problems)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new TouchpointProblem(pointer, "a CloudEvent is a JSON object"));
            return null;
        }

        var before = problems.Count;
        var specVersion = RequiredString(element, "specversion", pointer, problems);
        if (specVersion is not null && specVersion != "1.0")
        {
            problems.Add(Problem(pointer, "specversion", $"must be 1.0, not '{specVersion}'"));
        }

        var id = RequiredString(element, "id", pointer, problems);
        var source = RequiredString(element, "source", pointer, problems);
        var type = RequiredString(element, "type", pointer, problems);
        var subject = RequiredString(element, "subject", pointer, problems, "the customer id or alias the event is about");
        DateTimeOffset? time = null;
        if (element.TryGetProperty("time", out var timeValue))
        {
            if (timeValue.ValueKind == JsonValueKind.String
                && IsRfc3339(timeValue.GetString()!)
                && DateTimeOffset.TryParse(timeValue.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
            {
                time = parsed.ToUniversalTime();
            }
            else
            {
                problems.Add(Problem(pointer, "time", "must be an RFC 3339 date-time"));
            }
        }

        if (element.TryGetProperty("datacontenttype", out var contentType)
            && (contentType.ValueKind != JsonValueKind.String || !IsJson(contentType.GetString())))
        {
            problems.Add(Problem(pointer, "datacontenttype", "data must be JSON (application/json)"));
        }

        if (element.TryGetProperty("data_base64", out _))
        {
            problems.Add(Problem(pointer, "data_base64", "binary data is not accepted; send a JSON object in 'data'"));
        }

        JsonElement? data = null;
        if (element.TryGetProperty("data", out var dataValue) && dataValue.ValueKind != JsonValueKind.Null)
        {
            if (dataValue.ValueKind != JsonValueKind.Object)
            {
                problems.Add(Problem(pointer, "data", "must be a JSON object"));
            }
            else
            {
                data = dataValue.Clone();
            }
        }

        foreach (var property in element.EnumerateObject())
        {
            if (!Known.Contains(property.Name) && !IsExtensionName(property.Name))
            {
                problems.Add(Problem(pointer, property.Name, "is not a valid CloudEvents attribute name (lowercase letters and digits only)"));
            }
        }

        if (problems.Count > before)
        {
            return null;
        }

        return new IncomingTouchpoint(id!, type!, source!, subject!, time, data, element.GetRawText());
    }

    private static string? RequiredString(JsonElement element, string name, string pointer, List<TouchpointProblem> problems, string? meaning = null)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            problems.Add(Problem(pointer, name, meaning is null ? "is required" : $"is required: {meaning}"));
            return null;
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            problems.Add(Problem(pointer, name, "must be a non-empty string"));
            return null;
        }

        return value.GetString();
    }

    private static TouchpointProblem Problem(string pointer, string attribute, string message) =>
        new(pointer.Length == 0 ? attribute : $"{pointer}/{attribute}", message);

    // RFC 3339 needs a full date, a 'T', a time and an explicit offset: a bare date or a time with no
    // offset would otherwise be read in the server's own time zone.
    private static bool IsRfc3339(string text) =>
        text.Length >= 20 && text[4] == '-' && text[7] == '-' && (text[10] is 'T' or 't') && text[13] == ':'
        && (text[^1] is 'Z' or 'z' || (text[^6] is '+' or '-' && text[^3] == ':'));

    private static bool IsExtensionName(string name) =>
        name.Length is > 0 and <= 20 && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c));

    private static bool IsJson(string? contentType)
    {
        if (contentType is null)
        {
            return true;
        }

        var mediaType = contentType.Split(';')[0].Trim();
        return mediaType.Equals(MediaTypeNames.Application.Json, StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    private static bool TryParse(ReadOnlyMemory<byte> body, out JsonDocument document, out TouchpointProblem problem)
    {
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException exception)
        {
            document = null!;
            problem = new TouchpointProblem(string.Empty, $"the body is not valid JSON: {exception.Message}");
            return false;
        }

        // The parser takes an escaped lone surrogate ("\ud800") and throws only when the string is read.
        if (JsonStrings.FindInvalid(document.RootElement) is { } invalid)
        {
            document.Dispose();
            document = null!;
            problem = new TouchpointProblem(invalid, "is not valid text (invalid UTF-8 or an escaped lone surrogate)");
            return false;
        }

        problem = null!;
        return true;
    }
}
