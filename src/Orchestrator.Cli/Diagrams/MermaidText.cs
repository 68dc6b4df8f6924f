using System.Text;

namespace Orchestrator.Cli.Diagrams;

/// <summary>Makes designer text safe inside a quoted Mermaid label.</summary>
internal static class MermaidText
{
    /// <summary>A quoted label whose lines are joined with Mermaid line breaks.</summary>
    public static string Label(params IEnumerable<string> lines) =>
        $"\"{string.Join("<br/>", lines.Select(Escape))}\"";

    /// <summary>
    /// Replaces characters that end a quoted label, start markup or look like an entity with Mermaid's
    /// <c>#code;</c> entities. <c>#</c> goes first so the entities added here are not escaped again.
    /// </summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '#' => "#35;",
                '"' => "#quot;",
                '<' => "#lt;",
                '>' => "#gt;",
                '|' => "#124;",
                '`' => "#96;",
                '\r' or '\n' or '\t' => " ",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    /// <summary>Text for a <c>%%</c> comment line, which ends at the first line break.</summary>
    public static string Comment(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.ReplaceLineEndings(" ");
    }
}
