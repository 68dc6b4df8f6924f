using System.Text.Json;

namespace Orchestrator.Cli.Migrations;

/// <summary>A host's answer: its status and JSON body, or why there was none.</summary>
/// <param name="Status">The HTTP status; 0 when the host could not be reached.</param>
/// <param name="Body">The JSON body.</param>
/// <param name="Unreachable">Why there was no answer.</param>
internal sealed record HostAnswer(int Status, JsonElement Body, string? Unreachable)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    /// <summary>What to print when the answer is not a success: the problem's detail and its errors' pointers.</summary>
    public string Problem()
    {
        if (Unreachable is not null)
        {
            return Unreachable;
        }

        var text = new List<string> { $"{Status}" };
        if (Body.ValueKind == JsonValueKind.Object)
        {
            if (Body.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.String)
            {
                text.Add(detail.GetString()!);
            }

            if (Body.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
            {
                text.AddRange(errors.EnumerateArray()
                    .Where(e => e.ValueKind == JsonValueKind.Object)
                    .Select(e => $"  {Text(e, "pointer")}: {Text(e, "message")}"));
            }
        }

        return string.Join(Environment.NewLine, text);
    }

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
}
