using Orchestrator.Application.Actions;

namespace Orchestrator.Application.Ports;

/// <summary>Where actions go to reach channel apps (the <c>actions</c> queue).</summary>
public interface IActionSink
{
    /// <summary>Sends one action.</summary>
    /// <param name="action">The action.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>A task that completes when the action is durably queued.</returns>
    Task SendAsync(ActionMessage action, CancellationToken cancellationToken);
}
