using System.Text.Json;

namespace Orchestrator.Http.Tests.Support;

/// <summary>An executed result: status, content type, Location and JSON body.</summary>
public sealed record Answer(int Status, string? ContentType, string? Location, JsonElement? Body)
{
    public JsonElement Json => Body ?? throw new InvalidOperationException($"the {Status} answer has no body");

    public IReadOnlyList<string> Pointers(string property = "pointer") =>
        [.. Json.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty(property).GetString()!)];
}
