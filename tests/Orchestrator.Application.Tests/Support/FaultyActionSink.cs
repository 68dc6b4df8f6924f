using Orchestrator.Application.Actions;
using Orchestrator.Application.Ports;

namespace Orchestrator.Application.Tests.Support;

/// <summary>An action sink that delegates to the in-memory one, and fails while broken.</summary>
internal sealed class FaultyActionSink(IActionSink inner) : IActionSink
{
    /// <summary>When set, a send fails once this many more sends have succeeded (0: the next send fails).</summary>
    public int? FailAfter { get; set; }

    public Task SendAsync(ActionMessage action, CancellationToken cancellationToken)
    {
        if (FailAfter is { } left)
        {
            if (left <= 0)
            {
                return Task.FromException(new IOException("injected: the actions queue is unreachable"));
            }

            FailAfter = left - 1;
        }

        return inner.SendAsync(action, cancellationToken);
    }
}
