using System.Text;

namespace Orchestrator.Cli.Diagrams;

/// <summary>
/// Gives every step a Mermaid node id. Step ids may hold dashes or be words Mermaid reserves
/// (<c>end</c>), so each id gets a prefix and only letters, digits and underscores; a number is
/// appended when two step ids sanitise to the same node id.
/// </summary>
internal sealed class MermaidIds
{
    private const string Prefix = "step_";
    private readonly Dictionary<string, string> _byStep = new(StringComparer.Ordinal);
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    public string For(string stepId)
    {
        ArgumentNullException.ThrowIfNull(stepId);
        if (_byStep.TryGetValue(stepId, out var id))
        {
            return id;
        }

        var sanitized = Sanitize(stepId);
        id = sanitized;
        for (var n = 2; !_taken.Add(id); n++)
        {
            id = $"{sanitized}_{n}";
        }

        _byStep.Add(stepId, id);
        return id;
    }

    private static string Sanitize(string stepId)
    {
        var id = new StringBuilder(Prefix, Prefix.Length + stepId.Length);
        foreach (var c in stepId)
        {
            id.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        }

        return id.ToString();
    }
}
