using System.Text;

namespace Orchestrator.Testing;

/// <summary>
/// The last lines a child process printed, kept so a failure message can show them.
/// </summary>
/// <remarks>Lines arrive on thread-pool threads from both stdout and stderr, hence the lock.</remarks>
internal sealed class OutputLog
{
    private const int MaxLines = 200;
    private readonly Queue<string> _lines = new();
    private readonly Lock _gate = new();

    /// <summary>Adds a line; <see langword="null"/>, which marks the end of a stream, is ignored.</summary>
    public void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            if (_lines.Count == MaxLines)
            {
                _lines.Dequeue();
            }

            _lines.Enqueue(line);
        }
    }

    /// <summary>The kept lines, one per line, or a note that there were none.</summary>
    public override string ToString()
    {
        lock (_gate)
        {
            if (_lines.Count == 0)
            {
                return "(nothing)";
            }

            var text = new StringBuilder();
            foreach (var line in _lines)
            {
                text.Append("  ").AppendLine(line);
            }

            return text.ToString();
        }
    }
}
